#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Detects logs that were hard-wrapped at a fixed width (copied from a terminal or a UI).
///
/// In such a log a long record continues on physical lines that carry no envelope, and the
/// line before each continuation has one of a few fixed lengths. The detector looks at a
/// sample of the input (the first chunk) and returns those lengths when at least three
/// continuations share one; a log that is not wrapped yields none, and the reader then
/// never joins lines.
public enum WrapDetector {
  /// Lengths (in bytes, after removing a trailing `\r`) of physical lines that wrap.
  public static func widths(sample: UnsafeRawBufferPointer) -> Set<Int> {
    guard let base = sample.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return [] }
    let n = sample.count
    var counts: [Int: Int] = [:]
    var previousLength = -1
    var previousIsRecordOrContinuation = false
    var start = 0
    var lines = 0
    while start < n, lines < 20_000 {
      var end = n
      if let p = memchr(base + start, 0x0A, n - start) {
        end = UnsafePointer<UInt8>(p.assumingMemoryBound(to: UInt8.self)) - base
      }
      var e = end
      if e > start, base[e - 1] == 0x0D { e -= 1 }
      let s = LineForms.afterCollectorTimestamp(base, start, e)
      let length = e - s
      let parsed = LogEnvelope.parse(base, s, e)
      let envelope = parsed?.isRecord ?? false
      let standalone = parsed != nil || LineForms.isStandaloneUnprefixed(base, s, e)
      if !standalone, previousIsRecordOrContinuation, previousLength >= 60 {
        counts[previousLength, default: 0] += 1
        previousIsRecordOrContinuation = true
      } else {
        previousIsRecordOrContinuation = envelope
      }
      previousLength = length
      start = end + 1
      lines += 1
    }
    return Set(counts.filter { $0.value >= 3 }.map(\.key))
  }
}
