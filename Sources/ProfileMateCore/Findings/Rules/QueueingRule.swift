/// `queueing`: requests waited for a place in the batch. Shared by the log (share of stats samples with
/// waiting requests) and `/metrics` (waiting now, or queue time's share of latency; in PromMetrics); both
/// pick their advice by whether the KV cache was full (``KVPressureRule/isFull(_:_:)``).
package struct QueueingRule: LogFindingRule {
  package let info = RuleInfo(
    id: "queueing", area: .scheduling, sources: [.log, .metrics], severities: [.info, .warning],
    summary:
      "log: requests waited in ≥ queueing_share_pct of stats samples (a warning from queueing_warning_share_pct); "
      + "/metrics: ≥ waiting_requests waiting at the scrape, or queue time ≥ queue_time_share_pct of the mean "
      + "end-to-end latency (a warning)",
    thresholds: [
      "queueing_share_pct", "queueing_warning_share_pct", "waiting_requests", "queue_time_share_pct", "kv_pressure_pct",
    ])

  package init() {}

  package func evaluate(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    guard let s = a.scheduler, let share = s.waitingSharePct, share >= t.queueingSharePct,
      let waiting = s.maxWaiting, waiting.value > 0, let running = s.maxRunning
    else { return [] }
    let cap = a.model.config.maxNumSeqs?.value
    let capped = cap.map { running.value >= $0 } ?? false
    let kvFull = KVPressureRule.isFull(s.maxKVUsagePct?.value, t)
    var evidence = [
      Evidence("requests waited in \(Format.pct(share)) of \(s.samples) stats samples", lines: []),
      Evidence("max waiting = \(waiting.value) requests", line: waiting.line),
      Evidence("max running = \(running.value) requests", line: running.line),
    ]
    if let cap { evidence.append(Evidence("max_num_seqs = \(cap)", line: a.model.config.maxNumSeqs?.line)) }
    let recommendation: String
    if capped && !kvFull {
      recommendation =
        "Running requests hit --max-num-seqs (\(cap ?? 0)) while KV cache was left: raise --max-num-seqs "
        + "(KV usage peaked at \(s.maxKVUsagePct.map { Format.pct($0.value) } ?? "?"))."
    } else if kvFull {
      recommendation =
        "The KV cache is full: add KV capacity (--gpu-memory-utilization, --kv-cache-dtype fp8, a larger "
        + "--tensor-parallel-size) or add replicas; the offered load exceeds what one engine holds."
    } else {
      recommendation =
        "The engine is saturated by the offered load: add replicas (or --data-parallel-size), or raise "
        + "--max-num-batched-tokens if steps are small; compare with the client's request rate."
    }
    return [
      Finding(
        id: info.id, severity: share >= t.queueingWarningSharePct ? .warning : .info,
        title: "Requests queued: up to \(waiting.value) waiting while \(running.value) ran", evidence: evidence,
        recommendation: recommendation)
    ]
  }
}
