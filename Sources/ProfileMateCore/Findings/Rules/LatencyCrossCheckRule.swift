/// `crosscheck_ttft_p{percentile}`, `crosscheck_itl_p{percentile}`: a benchmark latency percentile lies outside
/// the server's histogram bucket for it (evaluated in RunJoin).
package struct LatencyCrossCheckRule: FindingRule {
  package let info: RuleInfo

  /// The rule for one latency's percentiles (`key` is `ttft` or `itl`, as in the checks' ids).
  package init(key: String, summary: String) {
    info = RuleInfo(
      id: "crosscheck_\(key)_p{percentile}", area: .crossCheck, sources: [.crossCheck], severities: [.warning],
      summary: summary)
  }
}
