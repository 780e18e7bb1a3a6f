/// `kv_pressure`: the KV cache is nearly full. Shared by the log (peak usage over the run) and `/metrics`
/// (usage at the latest scrape, in PromMetrics): one decision, evidence from each source.
package struct KVPressureRule: LogFindingRule {
  package let info = RuleInfo(
    id: "kv_pressure", area: .kvCache, sources: [.log, .metrics], severities: [.info, .warning],
    summary:
      "KV-cache usage (log: peak; /metrics: latest reading) ≥ kv_pressure_pct; a warning with preemptions or "
      + "≥ kv_pressure_warning_pct",
    thresholds: ["kv_pressure_pct", "kv_pressure_warning_pct"])

  package init() {}

  /// Whether a KV-cache usage (percent) is pressure: at or above ``FindingThresholds/kvPressurePct``.
  package static func isFull(_ usagePct: Double?, _ t: FindingThresholds) -> Bool {
    (usagePct ?? 0) >= t.kvPressurePct
  }

  /// The severity of pressure at `usagePct`: a warning once requests were preempted or the cache is all but
  /// full, else information.
  package static func severity(_ usagePct: Double, preempted: Bool, _ t: FindingThresholds) -> Severity {
    preempted || usagePct >= t.kvPressureWarningPct ? .warning : .info
  }

  package func evaluate(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    guard let peak = a.capacity?.peakKVUsagePct, Self.isFull(peak.value, t) else { return [] }
    var evidence = [Evidence("peak KV-cache usage \(Format.pct(peak.value))", line: peak.line)]
    if let mean = a.scheduler?.meanKVUsagePct { evidence.append(Evidence("mean KV-cache usage \(Format.pct(mean))")) }
    if let tokens = a.capacity?.kvCacheTokens {
      evidence.append(Evidence("KV capacity \(Format.grouped(tokens.value)) tokens", line: tokens.line))
    }
    return [
      Finding(
        id: info.id, severity: Self.severity(peak.value, preempted: (a.scheduler?.preemptions ?? 0) > 0, t),
        title: "KV cache nearly full (peak \(Format.pct(peak.value)))", evidence: evidence,
        recommendation:
          "More KV capacity lets more requests run at once: --gpu-memory-utilization (e.g. 0.95), "
          + "--kv-cache-dtype fp8 (halves KV bytes), a larger --tensor-parallel-size, or enable prefix caching "
          + "if prompts share prefixes.")
    ]
  }
}
