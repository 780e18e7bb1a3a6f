/// `crosscheck_…`: two sources of a run directory disagree on one cross-check (evaluated in RunJoin). One
/// instance per family of checks; the check's own tolerance decides the disagreement.
package struct CrossCheckRule: FindingRule {
  package let info: RuleInfo
  /// The ids of the cross-checks it reports (``RuleInfo`` pattern: `ttft_p{percentile}`).
  package let checks: RuleInfo

  /// A rule for the checks whose id matches `check` (one `{placeholder}` at most).
  package init(check: String, severities: [Severity] = [.warning], summary: String) {
    info = RuleInfo(
      id: "crosscheck_" + check, area: .crossCheck, sources: [.crossCheck], severities: severities, summary: summary)
    checks = RuleInfo(id: check, area: .crossCheck, sources: [.crossCheck], severities: severities, summary: summary)
  }

  /// Whether this rule reports the cross-check with this id.
  package func reports(_ checkID: String) -> Bool { checks.matches(checkID) }
}
