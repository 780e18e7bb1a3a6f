/// `decode_bottleneck`: requests spend much longer in decode than in prefill (`/metrics`; evaluated in
/// PromMetrics).
package struct DecodeBottleneckRule: FindingRule {
  package let info = RuleInfo(
    id: "decode_bottleneck", area: .phases, sources: [.metrics], severities: [.info],
    summary: "mean decode ÷ mean prefill time ≥ phase_ratio, over ≥ min_requests_for_phase_rule requests",
    thresholds: ["phase_ratio", "min_requests_for_phase_rule"])

  package init() {}
}
