/// Summary statistics of a sample: count, total, mean, percentiles and extremes.
///
/// Percentiles use linear interpolation between closest ranks, numpy's default
/// (`numpy.percentile(x, q)`, method `linear`): for sorted `x` of `n` values the
/// p-th percentile is at rank `h = (n − 1)·p/100`, i.e. `x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋])`.
public struct Distribution: Sendable, Equatable {
  /// Number of values.
  public var count: Int
  /// Sum of the values.
  public var total: Double
  /// Arithmetic mean.
  public var mean: Double
  /// Smallest value.
  public var min: Double
  /// Median.
  public var p50: Double
  /// 90th percentile.
  public var p90: Double
  /// 99th percentile.
  public var p99: Double
  /// Largest value.
  public var max: Double

  /// Creates a summary from figures computed elsewhere (e.g. by ``OrderStatistics``).
  public init(
    count: Int, total: Double, mean: Double, min: Double, p50: Double, p90: Double, p99: Double, max: Double
  ) {
    self.count = count
    self.total = total
    self.mean = mean
    self.min = min
    self.p50 = p50
    self.p90 = p90
    self.p99 = p99
    self.max = max
  }

  /// Summarises `values`; nil when empty.
  public init?(_ values: [Double]) {
    guard !values.isEmpty else { return nil }
    self.init(sorted: values.sorted())
  }

  /// Summarises values that are already sorted ascending; nil when empty.
  public init?(sorted: [Double]) {
    guard let first = sorted.first, let last = sorted.last else { return nil }
    count = sorted.count
    total = sorted.reduce(0, +)
    mean = total / Double(count)
    min = first
    max = last
    p50 = Distribution.percentile(sorted: sorted, 50)
    p90 = Distribution.percentile(sorted: sorted, 90)
    p99 = Distribution.percentile(sorted: sorted, 99)
  }

  /// The `p`-th percentile (0…100) of ascending `sorted` values, numpy's linear method.
  public static func percentile(sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    let h = Double(sorted.count - 1) * p / 100
    let lo = Int(h.rounded(.down))
    let hi = Swift.min(lo + 1, sorted.count - 1)
    return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
  }
}
