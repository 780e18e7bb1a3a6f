/// `prefill_dominated`: prefill and mixed steps take most of the step time (and decode does not).
package struct PrefillDominatedRule: LogFindingRule {
  package let info = RuleInfo(
    id: "prefill_dominated", area: .phases, sources: [.log], severities: [.info],
    summary:
      "≥ dominant_phase_min_steps steps; prefill + mixed steps take ≥ dominant_phase_share_pct of step time "
      + "(and decode_dominated does not fire)",
    thresholds: ["dominant_phase_share_pct", "dominant_phase_min_steps"])

  package init() {}

  package func evaluate(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    guard let shares = PhaseShares(a, t), shares.decode < t.dominantPhaseSharePct,
      shares.prefillish >= t.dominantPhaseSharePct
    else { return [] }
    let prefillish = shares.prefillish
    return [
      Finding(
        id: info.id, severity: .info,
        title: "Prefill dominates step time (\(Format.pct(prefillish)) in prefill or mixed steps)",
        evidence: [
          Evidence("prefill and mixed steps take \(Format.pct(prefillish)) of step time", lines: shares.lines)
        ],
        recommendation:
          "Prompt processing is the bottleneck: enable prefix caching (--enable-prefix-caching) if prompts "
          + "repeat, tune --max-num-batched-tokens, or split prefill and decode (disaggregated serving).")
    ]
  }
}
