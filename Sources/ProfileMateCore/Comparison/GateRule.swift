/// A CI gate rule such as `decode.p99_ms>+5%` or `throughput<-3%`: it fires when B's change against A
/// goes past the threshold in the stated direction.
///
/// With `%` the change is relative, (B − A) ÷ |A| × 100; without, it is the difference B − A in the
/// metric's unit. The rule looks at the point figures, not the interval: a gate should stop a release
/// that regressed by more than the tolerance whether or not one run can prove it.
public struct GateRule: Sendable, Equatable, CustomStringConvertible {
  /// The metric (one of ``RunComparison/metricNames``).
  public var metric: String
  /// True for `>`: fire when the change is above the threshold; false for `<`: below it.
  public var firesAbove: Bool
  /// The threshold.
  public var threshold: Double
  /// Whether the threshold is a percentage of A.
  public var relative: Bool

  /// The rule as written (`decode.p99_ms>+5%`).
  public var description: String {
    metric + (firesAbove ? ">" : "<") + (threshold >= 0 ? "+" : "") + RunSummary.number(threshold)
      + (relative ? "%" : "")
  }

  /// Creates a rule.
  public init(metric: String, firesAbove: Bool, threshold: Double, relative: Bool) {
    self.metric = metric
    self.firesAbove = firesAbove
    self.threshold = threshold
    self.relative = relative
  }

  /// Parses a rule: `METRIC>VALUE` or `METRIC<VALUE`, the value signed or not, optionally ending in `%`.
  public init(parsing text: String) throws(GateRuleError) {
    let s = text.filter { $0 != " " }
    guard let opIndex = s.firstIndex(where: { $0 == ">" || $0 == "<" }) else {
      throw GateRuleError("rule '\(text)': expected METRIC>VALUE or METRIC<VALUE, e.g. decode.p99_ms>+5%")
    }
    metric = String(s[..<opIndex])
    firesAbove = s[opIndex] == ">"
    var value = String(s[s.index(after: opIndex)...])
    relative = value.hasSuffix("%")
    if relative { value.removeLast() }
    if value.hasPrefix("+") { value.removeFirst() }
    guard RunComparison.metricNames.contains(metric) else {
      throw GateRuleError(
        "rule '\(text)': unknown metric '\(metric)'; known: \(RunComparison.metricNames.joined(separator: ", "))")
    }
    guard !value.isEmpty, value.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }), let v = Double(value),
      v.isFinite
    else {
      throw GateRuleError("rule '\(text)': '\(value)' is not a number")
    }
    threshold = v
  }

  /// What the rule says about a comparison.
  public struct Outcome: Sendable, Equatable {
    /// The rule.
    public var rule: GateRule
    /// Whether it fired.
    public var fired: Bool
    /// One line: the rule, the two values and the change.
    public var message: String
  }

  /// Evaluates the rule.
  /// - Throws: ``GateRuleError`` when the metric is missing from either run.
  public func evaluate(_ c: RunComparison) throws(GateRuleError) -> Outcome {
    guard let m = c.metric(metric), let a = m.a, let b = m.b, let diff = m.difference, let rel = m.relativePct else {
      throw GateRuleError("rule '\(self)': \(metric) is not available in both runs")
    }
    let change = relative ? rel : diff
    let fired = firesAbove ? change > threshold : change < threshold
    let unit = m.unit.isEmpty ? "" : " " + m.unit
    let changeText =
      relative ? Format.signed(rel, decimals: 1) + "%" : Format.signed(diff, decimals: 2) + unit
    return Outcome(
      rule: self, fired: fired,
      message: "\(self): \(m.label) \(Format.auto(a)) → \(Format.auto(b))\(unit) (\(changeText))")
  }
}

/// A gate rule that cannot be read or evaluated; the message names the rule.
public struct GateRuleError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The message.
  public let description: String

  /// Creates an error.
  public init(_ description: String) {
    self.description = description
  }
}
