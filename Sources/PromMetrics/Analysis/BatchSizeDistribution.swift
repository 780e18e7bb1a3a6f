/// Tokens per engine step, from the `vllm:iteration_tokens_total` histogram: how full the batches were.
public struct BatchSizeDistribution: Sendable, Equatable {
  /// One bucket: steps with `lower < tokens ≤ upper`.
  public struct Bucket: Sendable, Equatable {
    /// Exclusive lower bound (0 for the first bucket).
    public var lower: Double
    /// Inclusive upper bound (`+Inf` for the last).
    public var upper: Double
    /// Engine steps in the bucket.
    public var steps: Double
  }

  /// Engine steps observed.
  public var steps: Double
  /// Tokens over all steps (`_sum`).
  public var tokens: Double?
  /// Mean tokens per step.
  public var meanTokensPerStep: Double?
  /// PromQL quantiles of tokens per step.
  public var p50: Double?
  /// 90th percentile.
  public var p90: Double?
  /// 99th percentile.
  public var p99: Double?
  /// Per-bucket step counts (not cumulative).
  public var buckets: [Bucket]
  /// 1-based line of the histogram's first sample.
  public var line: Int

  /// Reads the distribution from the iteration-tokens histogram.
  public init(histogram h: Histogram) {
    steps = h.observations
    tokens = h.sum
    meanTokensPerStep = h.mean
    p50 = h.quantile(0.5)
    p90 = h.quantile(0.9)
    p99 = h.quantile(0.99)
    buckets = h.perBucket.map { Bucket(lower: $0.lower, upper: $0.upper, steps: $0.count) }
    line = h.line
  }
}
