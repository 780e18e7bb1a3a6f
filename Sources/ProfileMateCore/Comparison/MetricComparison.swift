/// One figure of run A against run B.
public struct MetricComparison: Sendable, Equatable {
  /// The name gate rules use (`decode.p99_ms`, `throughput`).
  public var metric: String
  /// Words for reports (`decode step p99`).
  public var label: String
  /// The unit (`ms`, `tok/s`, `%`, or empty for counts).
  public var unit: String
  /// A's value.
  public var a: Double?
  /// B's value.
  public var b: Double?
  /// Whether a lower value is better (step times), higher is better (throughput), or neither (nil).
  public var lowerIsBetter: Bool?
  /// The bootstrap interval of B − A, when one was computed.
  public var interval: ConfidenceInterval?
  /// The verdict from the interval.
  public var verdict: ChangeVerdict

  /// Creates a comparison.
  public init(
    metric: String, label: String, unit: String, a: Double?, b: Double?, lowerIsBetter: Bool?,
    interval: ConfidenceInterval? = nil
  ) {
    self.metric = metric
    self.label = label
    self.unit = unit
    self.a = a
    self.b = b
    self.lowerIsBetter = lowerIsBetter
    self.interval = interval
    verdict = ChangeVerdict.judge(interval, lowerIsBetter: lowerIsBetter ?? true)
  }

  /// B − A, when both are known.
  public var difference: Double? {
    guard let a, let b else { return nil }
    return b - a
  }

  /// (B − A) ÷ A in percent, when both are known: 0 when both are 0, ±infinity when only A is 0.
  public var relativePct: Double? {
    guard let a, let b else { return nil }
    if a == 0 { return b == 0 ? 0 : (b > 0 ? .infinity : -.infinity) }
    return (b - a) / abs(a) * 100
  }
}
