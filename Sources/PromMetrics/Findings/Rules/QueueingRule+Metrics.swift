import ProfileMateCore

extension QueueingRule: MetricsFindingRule {
  /// Requests waiting at the scrape, or a large share of latency spent queued.
  package func evaluate(_ e: EngineSummary, _ t: FindingThresholds) -> [Finding] {
    typealias M = MetricsFindingRules
    let waiting = e.waiting?.value ?? 0
    let queue = e.latency(.queue)
    let e2e = e.latency(.e2e)
    var share: Double?
    if let q = queue?.mean, let total = e2e?.mean, total > 0 { share = q / total * 100 }
    let queuedNow = waiting >= t.waitingRequests
    let queuedLong = (share ?? 0) >= t.queueTimeSharePct
    guard queuedNow || queuedLong else { return [] }
    var evidence: [Evidence] = []
    if let w = e.waiting {
      var text = "waiting = \(M.number(w.value)) requests, running = \(M.number(e.running?.value ?? 0))"
      let reasons = e.waitingByReason.filter { $0.value > 0 }.sorted { $0.key < $1.key }
      if !reasons.isEmpty {
        text += " (" + reasons.map { "\($0.key) \(M.number($0.value))" }.joined(separator: ", ") + ")"
      }
      evidence.append(Evidence(text, lines: [w.line] + (e.running.map { [$0.line] } ?? [])))
    }
    if let queue, queue.count > 0 {
      evidence.append(
        Evidence(
          "queue time \(M.scope(e)): mean \(M.seconds(queue.mean)), p90 \(M.seconds(queue.p90)), "
            + "p99 \(M.seconds(queue.p99)) over \(M.number(queue.count)) requests", lines: M.line(e, .queueTime)))
    }
    if let share {
      evidence.append(
        Evidence("queueing is \(Format.pct(share)) of the mean end-to-end latency", lines: M.line(e, .e2eLatency)))
    }
    return [
      Finding(
        id: info.id, severity: queuedLong ? .warning : .info,
        title: queuedLong
          ? "Requests spend \(Format.pct(share ?? 0)) of their latency queued"
          : "\(M.number(waiting)) request(s) waiting at the time of the scrape",
        evidence: evidence,
        recommendation: KVPressureRule.isFull(e.kvCacheUsagePct, t)
          ? "The KV cache is full: add KV capacity (--gpu-memory-utilization, --kv-cache-dtype fp8, a larger "
            + "--tensor-parallel-size) or add replicas."
          : "The engine is saturated by the offered load: raise --max-num-seqs if KV cache is left, add replicas "
            + "(or --data-parallel-size), or raise --max-num-batched-tokens if steps are small.")
    ]
  }
}
