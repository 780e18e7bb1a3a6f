/// `decode_dominated`: decode-only steps take most of the step time.
package struct DecodeDominatedRule: LogFindingRule {
  package let info = RuleInfo(
    id: "decode_dominated", area: .phases, sources: [.log], severities: [.info],
    summary: "≥ dominant_phase_min_steps steps; decode steps take ≥ dominant_phase_share_pct of step time",
    thresholds: ["dominant_phase_share_pct", "dominant_phase_min_steps"])

  package init() {}

  package func evaluate(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    guard let shares = PhaseShares(a, t), shares.decode >= t.dominantPhaseSharePct else { return [] }
    let decode = shares.decode
    let batch = a.steps?.decodeBatchSize.map { "median decode batch \(Format.auto($0.p50)) requests" } ?? ""
    return [
      Finding(
        id: info.id, severity: .info,
        title: "Decode dominates step time (\(Format.pct(decode)) of it)",
        evidence: [
          Evidence("decode-only steps take \(Format.pct(decode)) of step time; \(batch)", lines: shares.lines)
        ],
        recommendation:
          "Decode is memory-bandwidth bound: larger decode batches (--max-num-seqs), CUDA graphs covering the "
          + "decode batch sizes, --kv-cache-dtype fp8 / weight quantization, or speculative decoding "
          + "(--speculative-config) raise tokens/s.")
    ]
  }
}
