/// A classic Prometheus histogram for one label set: cumulative buckets sorted by upper bound
/// (+Inf last), with its `_count`, `_sum` and `_created`.
public struct Histogram: Sendable, Equatable {
  /// One cumulative bucket: observations ≤ `upperBound`.
  public struct Bucket: Sendable, Equatable {
    /// The `le` bound (`+Inf` for the last).
    public var upperBound: Double
    /// Cumulative count.
    public var count: Double
    /// 1-based input line (0 when derived).
    public var line: Int

    /// Creates a bucket.
    public init(upperBound: Double, count: Double, line: Int = 0) {
      self.upperBound = upperBound
      self.count = count
      self.line = line
    }
  }

  /// The labels without `le`, sorted by name.
  public var labels: Labels
  /// Buckets sorted by upper bound, +Inf last.
  public var buckets: [Bucket]
  /// `_count`, when present.
  public var count: Double?
  /// `_sum`, when present.
  public var sum: Double?
  /// `_created` (Unix seconds), when present.
  public var created: Double?
  /// 1-based line of the first sample.
  public var line: Int

  /// Creates a histogram; buckets must already be sorted by upper bound.
  public init(
    labels: Labels = Labels(), buckets: [Bucket], count: Double? = nil, sum: Double? = nil, created: Double? = nil,
    line: Int = 0
  ) {
    self.labels = labels
    self.buckets = buckets
    self.count = count
    self.sum = sum
    self.created = created
    self.line = line
  }

  /// Observations: `_count`, or the +Inf bucket when `_count` is missing.
  public var observations: Double {
    count ?? buckets.last.flatMap { $0.upperBound == .infinity ? $0.count : nil } ?? 0
  }

  /// `_sum / _count`; nil when there are no observations or no sum.
  public var mean: Double? {
    guard let sum, observations > 0 else { return nil }
    return sum / observations
  }

  /// The φ-quantile exactly as PromQL's `histogram_quantile(φ, …)` computes it; nil where PromQL gives NaN
  /// (no observations, no +Inf bucket, fewer than two buckets).
  public func quantile(_ q: Double) -> Double? {
    let v = HistogramQuantile.bucketQuantile(q, buckets.map { ($0.upperBound, $0.count) })
    return v.isNaN ? nil : v
  }

  /// Observations per bucket (the differences of the cumulative counts), with each bucket's lower bound.
  public var perBucket: [(lower: Double, upper: Double, count: Double)] {
    var out: [(lower: Double, upper: Double, count: Double)] = []
    var previous = (bound: 0.0, count: 0.0)
    for (i, b) in buckets.enumerated() {
      let lower = i == 0 ? min(0, b.upperBound) : previous.bound
      out.append((lower, b.upperBound, b.count - previous.count))
      previous = (b.upperBound, b.count)
    }
    return out
  }

  /// This histogram minus an earlier one of the same series: bucket, count and sum deltas, each series
  /// treated as PromQL's `increase()` treats a counter (a decrease means a reset: the delta is the new value).
  /// When both carry `_created` and it changed, or the observation count went down, the whole histogram
  /// restarted and the delta is `self` (bucket by bucket, a restart could pass for an increase).
  public func delta(since earlier: Histogram) -> Histogram {
    if let c0 = earlier.created, let c1 = created, c0 != c1 { return self }
    if observations < earlier.observations { return self }
    func d(_ now: Double, _ before: Double?) -> Double {
      guard let before else { return now }
      return now >= before ? now - before : now
    }
    var out = self
    if Self.sameStrictBounds(buckets, earlier.buckets) {
      // The same strictly ascending bounds (a steady server): bucket i was bucket i.
      for i in out.buckets.indices {
        out.buckets[i] = Bucket(upperBound: buckets[i].upperBound, count: d(buckets[i].count, earlier.buckets[i].count))
      }
    } else {
      var previousByBound: [Double: Double] = [:]
      for b in earlier.buckets { previousByBound[b.upperBound] = b.count }
      out.buckets = buckets.map {
        Bucket(upperBound: $0.upperBound, count: d($0.count, previousByBound[$0.upperBound]))
      }
    }
    out.count = count.map { d($0, earlier.count) }
    out.sum = sum.map { d($0, earlier.sum) }
    return out
  }

  /// Whether both have the same bounds, strictly ascending (then looking a bound up finds the same index).
  static func sameStrictBounds(_ a: [Bucket], _ b: [Bucket]) -> Bool {
    guard a.count == b.count else { return false }
    for i in a.indices {
      guard a[i].upperBound == b[i].upperBound, i == 0 || a[i - 1].upperBound < a[i].upperBound else { return false }
    }
    return true
  }
}
