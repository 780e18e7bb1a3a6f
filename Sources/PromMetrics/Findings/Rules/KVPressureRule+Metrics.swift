import ProfileMateCore

extension KVPressureRule: MetricsFindingRule {
  /// KV-cache usage at the (latest) scrape.
  package func evaluate(_ e: EngineSummary, _ t: FindingThresholds) -> [Finding] {
    guard let kv = e.kvCacheUsagePct, Self.isFull(kv, t) else { return [] }
    var evidence = [
      Evidence("KV-cache usage \(Format.pct(kv)) at the scrape", lines: MetricsFindingRules.line(e, .kvCacheUsage))
    ]
    if let c = e.cacheConfig, let tokens = c.kvCapacityTokens {
      evidence.append(
        Evidence(
          "capacity \(Format.grouped(tokens)) tokens (\(c.numGPUBlocks ?? 0) blocks × \(c.blockSize ?? 0))",
          line: c.line))
    }
    return [
      Finding(
        id: info.id, severity: Self.severity(kv, preempted: (e.preemptions ?? 0) > 0, t),
        title: "KV cache nearly full (\(Format.pct(kv)))", evidence: evidence,
        recommendation:
          "More KV capacity lets more requests run at once: --gpu-memory-utilization (e.g. 0.95), "
          + "--kv-cache-dtype fp8 (halves KV bytes), a larger --tensor-parallel-size, or prefix caching if prompts "
          + "share prefixes.")
    ]
  }
}
