/// Exact summary statistics (count, total, extremes and numpy-linear percentiles) of a stream of
/// unsigned integers, in memory that does not grow with the number of values.
///
/// Up to ``bufferLimit`` values are simply kept and sorted. Beyond that the values are counted in
/// 65 536 buckets by their high 16 bits (first pass); the buckets that hold the ranks a percentile
/// needs are then resolved by counting the low 16 bits of the values that fall in them (a second
/// pass over the same values, fed through ``refine(_:)``). The result equals sorting all values.
public struct OrderStatistics: Sendable {
  /// Values kept as they are before switching to counting.
  public static let bufferLimit = 4096
  /// The percentiles ``distribution(scale:)`` reports (they must be prepared for).
  public static let reported: [Double] = [50, 90, 99]

  /// Number of values added.
  public private(set) var count = 0
  /// Sum of the values.
  public private(set) var total: UInt64 = 0
  /// Smallest value (meaningless when empty).
  public private(set) var min = UInt32.max
  /// Largest value (meaningless when empty).
  public private(set) var max: UInt32 = 0

  private var buffer: [UInt32] = []
  private var sorted = false
  private var high: [UInt32] = []
  /// For each high bucket, the slot of its low-bits counts in `low` (or -1).
  private var slotOfHigh: [Int16] = []
  private var low: [[UInt32]] = []
  private var highOfSlot: [Int] = []

  /// Creates an empty accumulator.
  public init() {}

  /// Whether values are being counted in buckets (so a second pass is needed for percentiles).
  public var isCounting: Bool { !high.isEmpty }

  /// First pass: adds a value.
  public mutating func add(_ v: UInt32) {
    count += 1
    total &+= UInt64(v)
    if v < min { min = v }
    if v > max { max = v }
    if high.isEmpty {
      buffer.append(v)
      if buffer.count > Self.bufferLimit {
        high = [UInt32](repeating: 0, count: 1 << 16)
        for b in buffer { high[Int(b >> 16)] += 1 }
        buffer = []
      }
    } else {
      high[Int(v >> 16)] += 1
    }
  }

  /// The 0-based ranks that the percentiles `ps` interpolate between.
  private func ranks(for ps: [Double]) -> [Int] {
    var out: [Int] = []
    for p in ps {
      let h = Double(count - 1) * p / 100
      let lo = Int(h.rounded(.down))
      out.append(lo)
      out.append(Swift.min(lo + 1, count - 1))
    }
    return out
  }

  /// Ends the first pass. Returns whether ``refine(_:)`` must now be called with every value again
  /// (in any order) before percentiles can be read.
  public mutating func beginSecondPass(percentiles ps: [Double] = reported) -> Bool {
    guard count > 0 else { return false }
    if !isCounting {
      buffer.sort()
      sorted = true
      return false
    }
    slotOfHigh = [Int16](repeating: -1, count: 1 << 16)
    for rank in ranks(for: ps) {
      let bucket = bucketHolding(rank: rank).bucket
      if slotOfHigh[bucket] < 0 {
        slotOfHigh[bucket] = Int16(low.count)
        low.append([UInt32](repeating: 0, count: 1 << 16))
        highOfSlot.append(bucket)
      }
    }
    return true
  }

  /// Second pass: sees a value again (only needed when ``beginSecondPass(percentiles:)`` said so).
  public mutating func refine(_ v: UInt32) {
    let slot = slotOfHigh[Int(v >> 16)]
    if slot >= 0 { low[Int(slot)][Int(v & 0xFFFF)] += 1 }
  }

  /// The high bucket holding the value of 0-based `rank`, and how many values lie in earlier buckets.
  private func bucketHolding(rank: Int) -> (bucket: Int, before: Int) {
    var before = 0
    for b in 0..<high.count {
      let c = Int(high[b])
      if rank < before + c { return (b, before) }
      before += c
    }
    return (high.count - 1, before)
  }

  /// The value of 0-based `rank` in ascending order. Requires the second pass to be complete.
  public func value(atRank rank: Int) -> UInt32 {
    if sorted { return buffer[rank] }
    let (bucket, before) = bucketHolding(rank: rank)
    let slot = Int(slotOfHigh[bucket])
    precondition(slot >= 0, "rank \(rank) was not prepared by beginSecondPass")
    var seen = before
    let counts = low[slot]
    for l in 0..<counts.count {
      seen += Int(counts[l])
      if rank < seen { return UInt32(bucket) << 16 | UInt32(l) }
    }
    return max
  }

  /// The `p`-th percentile of the values divided by `scale`, numpy's linear method (as
  /// ``Distribution/percentile(sorted:_:)``); `p` must have been prepared.
  public func percentile(_ p: Double, scale: Double = 1) -> Double {
    let h = Double(count - 1) * p / 100
    let lo = Int(h.rounded(.down))
    let hi = Swift.min(lo + 1, count - 1)
    let a = Double(value(atRank: lo)) / scale
    let b = Double(value(atRank: hi)) / scale
    return a + (h - Double(lo)) * (b - a)
  }

  /// The summary of the values divided by `scale`; nil when there were none.
  public func distribution(scale: Double = 1) -> Distribution? {
    guard count > 0 else { return nil }
    let sum = Double(total) / scale
    return Distribution(
      count: count, total: sum, mean: sum / Double(count), min: Double(min) / scale,
      p50: percentile(50, scale: scale), p90: percentile(90, scale: scale), p99: percentile(99, scale: scale),
      max: Double(max) / scale)
  }
}
