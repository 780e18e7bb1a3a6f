/// `low_batch_utilization`: steps used little of the token budget while requests waited.
package struct BatchUtilizationRule: LogFindingRule {
  package let info = RuleInfo(
    id: "low_batch_utilization", area: .batching, sources: [.log], severities: [.warning],
    summary: "mean batch utilisation < low_batch_utilization_pct while requests waited in ≥ queueing_share_pct",
    thresholds: ["low_batch_utilization_pct", "queueing_share_pct"])

  package init() {}

  package func evaluate(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    guard let steps = a.steps, let util = steps.batchUtilizationPct, util < t.lowBatchUtilizationPct,
      let s = a.scheduler, let share = s.waitingSharePct, share >= t.queueingSharePct,
      let budget = a.model.config.maxNumBatchedTokens
    else { return [] }
    return [
      Finding(
        id: info.id, severity: .warning,
        title: "Steps used \(Format.pct(util)) of the token budget while requests waited",
        evidence: [
          Evidence(
            "mean tokens per step ÷ max_num_batched_tokens (\(budget.value)) = \(Format.pct(util))",
            line: budget.line),
          Evidence("requests waited in \(Format.pct(share)) of stats samples"),
        ],
        recommendation:
          "Batches are limited by something other than the token budget: raise --max-num-seqs if running "
          + "requests hit it, or add KV capacity if the cache is full.")
    ]
  }
}
