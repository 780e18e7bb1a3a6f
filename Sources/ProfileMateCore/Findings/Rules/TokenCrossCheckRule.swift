/// `crosscheck_generation_tokens`, `crosscheck_prompt_tokens`: the log's token sums and the server's counters
/// disagree beyond the check's tolerance (evaluated in RunJoin).
package struct TokenCrossCheckRule: FindingRule {
  package let info: RuleInfo

  /// The rule for one token check (`generation_tokens` or `prompt_tokens`).
  package init(check: String, summary: String) {
    info = RuleInfo(
      id: "crosscheck_" + check, area: .crossCheck, sources: [.crossCheck], severities: [.warning], summary: summary)
  }
}
