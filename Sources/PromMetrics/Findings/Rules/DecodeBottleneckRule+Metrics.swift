import ProfileMateCore

extension DecodeBottleneckRule: MetricsFindingRule {
  /// Mean decode time at least ``FindingThresholds/phaseRatio`` × mean prefill time (and prefill is not the
  /// bottleneck).
  package func evaluate(_ e: EngineSummary, _ t: FindingThresholds) -> [Finding] {
    guard let times = PhaseTimes(e, t), times.ratio < t.phaseRatio, 1 / times.ratio >= t.phaseRatio else {
      return []
    }
    return [
      Finding(
        id: info.id, severity: .info,
        title:
          "Decode is the bottleneck: requests spend \(Format.fixed(1 / times.ratio, 1))× longer in decode than prefill",
        evidence: times.evidence,
        recommendation:
          "Decode is memory-bandwidth bound: larger decode batches (--max-num-seqs), CUDA graphs covering the decode "
          + "batch sizes, --kv-cache-dtype fp8 / weight quantization, or speculative decoding (--speculative-config).")
    ]
  }
}
