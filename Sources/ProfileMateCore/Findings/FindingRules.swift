/// Evaluates the registry's log rules over a ``RunAnalysis``.
public enum FindingRules {
  /// Evaluates every log rule and returns the findings, most severe first (ties keep rule order).
  public static func evaluate(_ a: RunAnalysis, thresholds t: FindingThresholds) -> [Finding] {
    ordered(FindingRegistry.logRules.flatMap { $0.evaluate(a, t) })
  }

  /// `findings` most severe first; findings of equal severity keep their order.
  public static func ordered(_ findings: [Finding]) -> [Finding] {
    findings.enumerated().sorted { x, y in
      x.element.severity != y.element.severity ? x.element.severity > y.element.severity : x.offset < y.offset
    }.map(\.element)
  }
}
