import CZlib

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A stream of bytes from a file, standard input or a gzip file, read in large chunks.
///
/// Gzip input is recognised by its magic bytes, not by its name, so `kubectl logs | gzip`
/// piped to `-` works as well as `server.log.gz`.
public final class ByteSource {
  private let fd: Int32
  /// The open file descriptor (for memory-mapping a regular file).
  public var descriptor: Int32 { fd }
  private let ownsDescriptor: Bool
  private var primed: [UInt8]
  private var stream: UnsafeMutablePointer<z_stream>?
  private var input: UnsafeMutablePointer<UInt8>?
  private var inputEOF = false
  /// Whether a gzip member has begun and not yet ended (input ending then means truncation).
  private var memberOpen = false
  private static let inputSize = 1 << 20
  /// The input's name for messages (`-` for standard input).
  public let name: String
  /// Whether the input is gzip-compressed.
  public let isCompressed: Bool
  /// The size of the file on disk, when it is a regular file.
  public let fileSize: Int?

  /// Opens `path` (`-` for standard input).
  /// - Throws: ``InputError`` for a missing, unreadable or directory path.
  public init(path: String) throws {
    name = path
    if path == "-" {
      fd = 0
      ownsDescriptor = false
    } else {
      var st = stat()
      guard stat(path, &st) == 0 else {
        throw InputError("\(path): \(String(cString: strerror(errno)))")
      }
      if (st.st_mode & S_IFMT) == S_IFDIR {
        throw InputError("\(path): is a directory (expected a vLLM server log file)")
      }
      let opened = open(path, O_RDONLY)
      guard opened >= 0 else { throw InputError("\(path): \(String(cString: strerror(errno)))") }
      fd = opened
      ownsDescriptor = true
    }
    var st = stat()
    fileSize = fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG ? Int(st.st_size) : nil
    // Peek at the first two bytes for the gzip magic number; they are replayed afterwards.
    var head = [UInt8](repeating: 0, count: 2)
    var got = 0
    let descriptor = fd
    while got < 2 {
      let n = head.withUnsafeMutableBytes { Self.rawRead(descriptor, $0.baseAddress! + got, 2 - got) }
      if n < 0, errno == EINTR { continue }
      if n <= 0 { break }
      got += n
    }
    head.removeLast(2 - got)
    primed = head
    isCompressed = head == [0x1F, 0x8B]
    if isCompressed {
      let strm = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
      strm.initialize(to: z_stream())
      // 15 + 32: any window size, zlib or gzip header detected automatically.
      guard inflateInit2_(strm, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
        strm.deallocate()
        if ownsDescriptor { close(fd) }
        throw InputError("\(path): cannot start gzip decompression")
      }
      stream = strm
      input = .allocate(capacity: Self.inputSize)
    }
  }

  deinit {
    if let stream {
      inflateEnd(stream)
      stream.deallocate()
    }
    input?.deallocate()
    if ownsDescriptor { close(fd) }
  }

  private static func rawRead(_ fd: Int32, _ p: UnsafeMutableRawPointer, _ n: Int) -> Int {
    #if canImport(Glibc)
      return Glibc.read(fd, p, n)
    #else
      return Darwin.read(fd, p, n)
    #endif
  }

  /// Reads raw (possibly compressed) bytes, replaying the peeked ones first.
  private func readRaw(_ p: UnsafeMutableRawPointer, _ capacity: Int) throws -> Int {
    if !primed.isEmpty {
      let n = min(primed.count, capacity)
      primed.withUnsafeBytes { p.copyMemory(from: $0.baseAddress!, byteCount: n) }
      primed.removeFirst(n)
      return n
    }
    while true {
      let n = Self.rawRead(fd, p, capacity)
      if n < 0 {
        if errno == EINTR { continue }
        throw InputError("\(name): read failed: \(String(cString: strerror(errno)))")
      }
      return n
    }
  }

  /// Reads up to `capacity` bytes into `buffer`; returns 0 at the end of the input.
  /// - Throws: ``InputError`` on a read error or corrupt compressed data.
  public func read(into buffer: UnsafeMutableRawPointer, capacity: Int) throws -> Int {
    guard let stream, let input else {
      var total = 0
      while total < capacity {
        let n = try readRaw(buffer + total, capacity - total)
        if n == 0 { break }
        total += n
        if primed.isEmpty && total > 0 && fileSize == nil { break }  // a pipe: return what is there
      }
      return total
    }
    stream.pointee.next_out = buffer.assumingMemoryBound(to: UInt8.self)
    stream.pointee.avail_out = UInt32(min(capacity, Int(UInt32.max)))
    while stream.pointee.avail_out > 0 {
      if stream.pointee.avail_in == 0 && !inputEOF {
        let n = try readRaw(input, Self.inputSize)
        if n == 0 { inputEOF = true }
        stream.pointee.next_in = input
        stream.pointee.avail_in = UInt32(n)
      }
      if stream.pointee.avail_in == 0 && inputEOF {
        if memberOpen { throw InputError("\(name): truncated gzip data") }
        break
      }
      memberOpen = true
      let status = inflate(stream, Z_NO_FLUSH)
      if status == Z_STREAM_END {
        memberOpen = false
        // Concatenated gzip members (`cat a.gz b.gz`) continue after a reset.
        if stream.pointee.avail_in > 0 || !inputEOF {
          inflateReset(stream)
          continue
        }
        break
      }
      if status == Z_BUF_ERROR && stream.pointee.avail_in == 0 && inputEOF {
        throw InputError("\(name): truncated gzip data")
      }
      if status != Z_OK && status != Z_BUF_ERROR {
        let message = stream.pointee.msg.map { String(cString: $0) } ?? "error \(status)"
        throw InputError("\(name): corrupt gzip data (\(message))")
      }
    }
    return capacity - Int(stream.pointee.avail_out)
  }

  /// Every byte of a file, a .gz file (decompressed) or standard input (`-`).
  /// - Throws: ``InputError`` naming the path.
  public static func readAll(_ path: String) throws -> [UInt8] {
    try readAll(path, limit: nil, what: "")
  }

  /// Every byte of a file, a .gz file (decompressed) or standard input (`-`), refusing more than `limit`
  /// bytes: a regular file by its size before reading, a pipe or a .gz file as soon as it passes the limit.
  /// - Parameter what: what the input should be, for the message (`a /metrics scrape`).
  /// - Throws: ``InputError`` naming the path (`PATH: larger than 256 MB, more than a /metrics scrape can be`).
  public static func readAll(_ path: String, limit: Int?, what: String) throws -> [UInt8] {
    let source = try ByteSource(path: path)
    func tooLarge() -> InputError {
      let mb = Double(limit ?? 0) / Double(1 << 20)
      let size = mb == mb.rounded() ? String(Int(mb)) : String(mb)
      return InputError("\(path): larger than \(size) MB, more than \(what) can be")
    }
    var out: [UInt8] = []
    if let size = source.fileSize, !source.isCompressed {
      if let limit, size > limit { throw tooLarge() }
      out.reserveCapacity(size)
    }
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let n = try chunk.withUnsafeMutableBytes { try source.read(into: $0.baseAddress!, capacity: $0.count) }
      if n == 0 { break }
      if let limit, out.count + n > limit { throw tooLarge() }
      out.append(contentsOf: chunk[0..<n])
    }
    return out
  }
}
