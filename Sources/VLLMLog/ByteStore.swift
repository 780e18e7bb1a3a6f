#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A growable byte buffer with a stable pointer between appends, for re-joined and
/// colour-stripped lines. Owned by one ``LogReader``.
final class ByteStore {
  private(set) var pointer: UnsafeMutablePointer<UInt8>
  private(set) var capacity: Int
  var count = 0

  init(capacity: Int = 4096) {
    self.capacity = capacity
    pointer = .allocate(capacity: capacity)
  }

  deinit { pointer.deallocate() }

  /// Makes room for at least `n` bytes in total, keeping the contents.
  func reserve(_ n: Int) {
    guard n > capacity else { return }
    var newCapacity = capacity
    while newCapacity < n { newCapacity *= 2 }
    let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    grown.update(from: pointer, count: count)
    pointer.deallocate()
    pointer = grown
    capacity = newCapacity
  }

  func append(_ bytes: UnsafePointer<UInt8>, _ n: Int) {
    reserve(count + n)
    (pointer + count).update(from: bytes, count: n)
    count += n
  }
}

/// Removal of ANSI escape sequences (CSI `ESC [ … final`, and two-byte `ESC x`).
enum ANSI {
  /// Copies `b[start..<end]` without escape sequences into `store` (replacing its contents)
  /// and returns the length.
  static func strip(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int, into store: ByteStore) -> Int {
    store.count = 0
    store.reserve(end - start)
    let out = store.pointer
    var n = 0
    var i = start
    while i < end {
      // Copy the run up to the next ESC in one go (colour codes are few and short).
      let run: Int
      if let hit = memchr(b + i, 0x1B, end - i) {
        run = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - b - i
      } else {
        run = end - i
      }
      if run > 0 {
        (out + n).update(from: b + i, count: run)
        n += run
        i += run
      }
      guard i < end else { break }
      i += 1  // ESC
      if i < end, b[i] == 0x5B {  // CSI: parameters and intermediates, then a final byte 0x40–0x7E
        i += 1
        while i < end, !(0x40...0x7E).contains(b[i]) { i += 1 }
        i += 1
      } else if i < end {
        i += 1
      }
    }
    store.count = n
    return n
  }
}
