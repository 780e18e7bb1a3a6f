import ProfileMateCore

/// Evaluates the registry's cross-check rules: the benchmark's failures, then one finding per disagreement.
public enum CrossCheckFindings {
  /// The rules that read cross-checks, in registry order.
  static let rules: [any CrossCheckFindingRule] = FindingRegistry.rules.compactMap { $0 as? any CrossCheckFindingRule }

  /// The findings, in rule order (the benchmark's failures first, then the checks' families in check order).
  public static func evaluate(
    _ checks: [CrossCheck], benchmark: BenchmarkResult?, thresholds: FindingThresholds = FindingThresholds()
  ) -> [Finding] {
    rules.flatMap { $0.evaluate(checks, benchmark: benchmark, thresholds) }
  }
}
