/// `preemptions`: requests were preempted (the KV cache ran out). Shared by the log and `/metrics` (in
/// PromMetrics): the same decision, title and advice, evidence from each source.
package struct PreemptionsRule: LogFindingRule {
  package let info = RuleInfo(
    id: "preemptions", area: .scheduling, sources: [.log, .metrics], severities: [.warning],
    summary: "any preemption (log: stats lines or V0 warnings; /metrics: the counter, in scope)")

  package init() {}

  /// The finding for `count` preemptions (already formatted), with the source's evidence; `config`, when the
  /// server's configuration is known, makes the advice right for its device and settings.
  package func finding(count: String, evidence: [Evidence], config: EngineConfig? = nil) -> Finding {
    let room =
      config.map(KVPoolAdvice.moreRoom)
      ?? "raise --gpu-memory-utilization, use --kv-cache-dtype fp8, or raise --tensor-parallel-size"
    return Finding(
      id: info.id, severity: .warning,
      title: "\(count) request preemption(s): the KV cache ran out and requests were recomputed",
      evidence: evidence,
      recommendation:
        "Give the KV cache more room: \(room); or admit less at once: lower --max-num-seqs / "
        + "--max-num-batched-tokens.")
  }

  package func evaluate(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    guard let n = a.scheduler?.preemptions, n > 0 else { return [] }
    let source = a.scheduler?.preemptionsSource.map { " (\($0))" } ?? ""
    var evidence = [Evidence("\(n) preemption(s)\(source)", line: a.scheduler?.firstPreemptionLine)]
    if let v0 = a.model.v0CumulativePreemptions {
      evidence.append(
        Evidence(
          "V0 warnings report total_num_cumulative_preemption up to \(v0)", lines: a.model.eventLines(.preemption)))
    }
    if let kv = a.scheduler?.maxKVUsagePct {
      evidence.append(Evidence("peak KV usage \(Format.pct(kv.value))", line: kv.line))
    }
    let recompute = a.steps?.byKind[.recompute]
    if let r = recompute, r.count > 0 {
      evidence.append(
        Evidence(
          "\(Format.grouped(r.count)) recompute steps (\(Format.grouped(r.tokens)) tokens, "
            + "\(Format.pct(r.sharePct)) of step time) redid the prefill of preempted requests"))
    }
    return [finding(count: "\(n)", evidence: evidence, config: a.model.config)]
  }
}
