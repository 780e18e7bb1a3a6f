import ProfileMateCore

extension PrefillBottleneckRule: MetricsFindingRule {
  /// Mean prefill time at least ``FindingThresholds/phaseRatio`` × mean decode time.
  package func evaluate(_ e: EngineSummary, _ t: FindingThresholds) -> [Finding] {
    guard let times = PhaseTimes(e, t), times.ratio >= t.phaseRatio else { return [] }
    return [
      Finding(
        id: info.id, severity: .info,
        title:
          "Prefill is the bottleneck: requests spend \(Format.fixed(times.ratio, 1))× longer in prefill than decode",
        evidence: times.evidence,
        recommendation:
          "Prompt processing dominates: enable prefix caching (--enable-prefix-caching) if prompts repeat, raise "
          + "--max-num-batched-tokens for larger prefill chunks, or split prefill and decode (disaggregated serving).")
    ]
  }
}
