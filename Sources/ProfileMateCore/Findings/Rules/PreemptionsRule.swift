/// `preemptions`: requests were preempted (the KV cache ran out). Shared by the log and `/metrics` (in
/// PromMetrics): the same decision, title and advice, evidence from each source.
package struct PreemptionsRule: LogFindingRule {
  package let info = RuleInfo(
    id: "preemptions", area: .scheduling, sources: [.log, .metrics], severities: [.warning],
    summary: "any preemption (log: stats lines or V0 warnings; /metrics: the counter, in scope)")

  package init() {}

  /// The finding for `count` preemptions (already formatted), with the source's evidence.
  package func finding(count: String, evidence: [Evidence]) -> Finding {
    Finding(
      id: info.id, severity: .warning,
      title: "\(count) request preemption(s): the KV cache ran out and requests were recomputed",
      evidence: evidence,
      recommendation:
        "Give the KV cache more room: raise --gpu-memory-utilization, use --kv-cache-dtype fp8, or raise "
        + "--tensor-parallel-size; or admit less at once: lower --max-num-seqs / --max-num-batched-tokens.")
  }

  package func evaluate(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    guard let n = a.scheduler?.preemptions, n > 0 else { return [] }
    var evidence = [Evidence("\(n) preemption(s)", line: a.scheduler?.firstPreemptionLine)]
    if let v0 = a.model.v0CumulativePreemptions {
      evidence.append(
        Evidence(
          "V0 warnings report total_num_cumulative_preemption up to \(v0)", lines: a.model.eventLines(.preemption)))
    }
    if let kv = a.scheduler?.maxKVUsagePct {
      evidence.append(Evidence("peak KV usage \(Format.pct(kv.value))", line: kv.line))
    }
    return [finding(count: "\(n)", evidence: evidence)]
  }
}
