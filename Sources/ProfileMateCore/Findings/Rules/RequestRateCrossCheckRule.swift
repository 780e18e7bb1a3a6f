/// `crosscheck_request_rate`: the benchmark sent requests at another rate than it was asked to (evaluated in
/// RunJoin).
package struct RequestRateCrossCheckRule: FindingRule {
  package let info = RuleInfo(
    id: "crosscheck_request_rate", area: .crossCheck, sources: [.crossCheck], severities: [.warning],
    summary: "the achieved send rate is off the requested rate")

  package init() {}
}
