import ProfileMateCore

/// A finding rule over a run directory's cross-checks and benchmark. The rules are declared in
/// ``FindingRegistry``; those that read cross-checks conform here.
public protocol CrossCheckFindingRule: FindingRule {
  /// The findings this rule draws from the checks (in check order) and the benchmark.
  func evaluate(_ checks: [CrossCheck], benchmark: BenchmarkResult?, _ thresholds: FindingThresholds) -> [Finding]
}
