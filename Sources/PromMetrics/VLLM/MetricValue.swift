/// One gauge or counter reading of a vLLM metric for one engine.
public struct MetricValue: Sendable, Equatable {
  /// The value (a counter's cumulative total).
  public var value: Double
  /// The series' `_created` time (Unix seconds), when exported; a change means the counter restarted.
  public var created: Double?
  /// 1-based line of the sample.
  public var line: Int

  /// Creates a reading.
  public init(_ value: Double, created: Double? = nil, line: Int = 0) {
    self.value = value
    self.created = created
    self.line = line
  }

  /// The increase from `earlier` to this reading, the way PromQL's `increase()` sees two points: a decrease,
  /// or a changed `_created`, is a counter reset and the increase is the new value.
  public func increase(since earlier: MetricValue?) -> (delta: Double, reset: Bool) {
    guard let earlier else { return (value, false) }
    if let c0 = earlier.created, let c1 = created, c0 != c1 { return (value, true) }
    return value >= earlier.value ? (value - earlier.value, false) : (value, true)
  }
}
