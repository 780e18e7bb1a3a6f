import ProfileMateCore

/// A finding rule over a run directory's cross-checks and benchmark. The rules are declared in
/// ``FindingRegistry``; those that read cross-checks conform here.
public protocol CrossCheckFindingRule: FindingRule {
  /// The findings this rule draws from the checks (in check order) and the benchmark.
  func evaluate(_ checks: [CrossCheck], benchmark: BenchmarkResult?, _ thresholds: FindingThresholds) -> [Finding]
}

extension CrossCheckFindingRule {
  /// The checks this rule reports (its id is `crosscheck_` + the check's id) that disagree, in check order.
  func disagreements(_ checks: [CrossCheck]) -> [CrossCheck] {
    checks.filter { $0.status == .disagree && info.matches("crosscheck_" + $0.id) }
  }

  /// The finding for one disagreeing check: both sides and the tolerance as evidence.
  func finding(_ c: CrossCheck, severity: Severity = .warning, recommendation: String) -> Finding {
    func show(_ v: Double?) -> String { v.map { RunCrossChecks.num($0) } ?? "n/a" }
    return Finding(
      id: "crosscheck_\(c.id)", severity: severity, title: "Sources disagree: \(c.title)",
      evidence: [
        Evidence("\(c.expected.source) = \(show(c.expected.value)) \(c.unit)"),
        Evidence("\(c.observed.source) = \(show(c.observed.value)) \(c.unit)"),
        Evidence("tolerance: \(c.tolerance); \(c.note)"),
      ],
      recommendation: recommendation)
  }
}
