/// `crosscheck_requests`: the benchmark's completed requests and the server's finished ones disagree
/// (evaluated in RunJoin).
package struct RequestsCrossCheckRule: FindingRule {
  package let info = RuleInfo(
    id: "crosscheck_requests", area: .crossCheck, sources: [.crossCheck], severities: [.info, .warning],
    summary: "the server finished fewer requests than the benchmark completed (warning), or more than one extra (info)")

  package init() {}
}
