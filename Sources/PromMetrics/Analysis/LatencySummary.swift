/// Count, mean and PromQL quantiles of one latency histogram (cumulative, or the bucket deltas of a window).
public struct LatencySummary: Sendable, Equatable {
  /// Which latency.
  public var kind: LatencyKind
  /// The exported histogram name it came from.
  public var name: String
  /// Observations.
  public var count: Double
  /// Sum of observations (seconds).
  public var sum: Double?
  /// `sum / count`; nil without observations.
  public var mean: Double?
  /// `histogram_quantile(0.5, …)`; nil where PromQL gives NaN (no observations).
  public var p50: Double?
  /// `histogram_quantile(0.9, …)`.
  public var p90: Double?
  /// `histogram_quantile(0.99, …)`.
  public var p99: Double?
  /// 1-based line of the histogram's first sample.
  public var line: Int

  /// Summarises a histogram.
  public init(kind: LatencyKind, name: String, histogram h: Histogram) {
    self.kind = kind
    self.name = name
    count = h.observations
    sum = h.sum
    mean = h.mean
    p50 = h.quantile(0.5)
    p90 = h.quantile(0.9)
    p99 = h.quantile(0.99)
    line = h.line
  }
}
