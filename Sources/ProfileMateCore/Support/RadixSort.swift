/// Least-significant-digit radix sort for unsigned integers: linear time, used for the
/// million-element series of step times and sizes where a comparison sort dominates the run.
public enum RadixSort {
  /// Returns `values` sorted ascending.
  public static func sorted(_ values: [UInt32]) -> [UInt32] {
    guard values.count > 64 else { return values.sorted() }
    var source = values
    var target = [UInt32](repeating: 0, count: values.count)
    var maxValue: UInt32 = 0
    for v in values where v > maxValue { maxValue = v }
    var counts = [Int](repeating: 0, count: 257)
    var shift: UInt32 = 0
    while shift < 32, (maxValue >> shift) > 0 {
      source.withUnsafeBufferPointer { src in
        target.withUnsafeMutableBufferPointer { dst in
          counts.withUnsafeMutableBufferPointer { cnt in
            for i in 0..<257 { cnt[i] = 0 }
            for v in src { cnt[Int((v >> shift) & 0xFF) + 1] += 1 }
            for i in 1...256 { cnt[i] += cnt[i - 1] }
            for v in src {
              let bucket = Int((v >> shift) & 0xFF)
              dst[cnt[bucket]] = v
              cnt[bucket] += 1
            }
          }
        }
      }
      swap(&source, &target)
      shift += 8
    }
    return source
  }
}
