/// `kv_overprovisioned`: the KV cache was far larger than the traffic needed.
package struct KVOverprovisionedRule: LogFindingRule {
  package let info = RuleInfo(
    id: "kv_overprovisioned", area: .kvCache, sources: [.log], severities: [.info],
    summary:
      "peak KV-cache usage < kv_overprovisioned_pct, capacity known, ≥ kv_overprovisioned_min_samples stats "
      + "samples, requests ran",
    thresholds: ["kv_overprovisioned_pct", "kv_overprovisioned_min_samples"])

  package init() {}

  package func evaluate(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    guard let cap = a.capacity, let peak = cap.peakKVUsagePct, peak.value < t.kvOverprovisionedPct,
      let tokens = cap.kvCacheTokens, let s = a.scheduler, Double(s.samples) >= t.kvOverprovisionedMinSamples,
      (s.maxRunning?.value ?? 0) > 0
    else { return [] }
    var evidence = [
      Evidence("peak KV-cache usage \(Format.pct(peak.value))", line: peak.line),
      Evidence("KV capacity \(Format.grouped(tokens.value)) tokens", line: tokens.line),
    ]
    if let used = cap.peakKVTokens { evidence.append(Evidence("≈ \(Format.grouped(used)) tokens used at the peak")) }
    if let len = cap.maxModelLen, let c = cap.maxConcurrency {
      evidence.append(
        Evidence(
          "max_model_len \(Format.grouped(len.value)): concurrency \(Format.fixed(c, 2))x"
            + (cap.maxConcurrencyLogged ? " (logged)" : " (capacity ÷ max_model_len)"), line: len.line))
    }
    let cappedBySeqs = a.model.config.maxNumSeqs.map { (s.maxRunning?.value ?? 0) >= $0.value } ?? false
    return [
      Finding(
        id: info.id, severity: .info,
        title: "KV cache far larger than this traffic needed (peak \(Format.pct(peak.value)))",
        evidence: evidence,
        recommendation: cappedBySeqs
          ? "Running requests were capped by --max-num-seqs while KV stayed mostly free: raise --max-num-seqs."
          : "This load used a small part of the cache. If the traffic is representative, lower "
            + "--gpu-memory-utilization to free memory for other work; max_model_len does not reserve KV in V1 "
            + "(blocks are paged), it only bounds one request's length.")
    ]
  }
}
