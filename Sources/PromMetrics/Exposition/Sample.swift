/// One sample line: `name{labels} value [timestamp]`.
public struct Sample: Sendable, Equatable {
  /// The full sample name as written (`vllm:e2e_request_latency_seconds_bucket`).
  public var name: String
  /// Its labels, unescaped.
  public var labels: Labels
  /// The value; `NaN`, `+Inf` and `-Inf` are read as such.
  public var value: Double
  /// The optional timestamp as written: milliseconds in text format 0.0.4, seconds in OpenMetrics.
  public var timestamp: Double?
  /// What the sample is within its family.
  public var role: SampleRole
  /// 1-based input line.
  public var line: Int

  /// Creates a sample.
  public init(
    name: String, labels: Labels, value: Double, timestamp: Double? = nil, role: SampleRole = .value, line: Int = 0
  ) {
    self.name = name
    self.labels = labels
    self.value = value
    self.timestamp = timestamp
    self.role = role
    self.line = line
  }
}
