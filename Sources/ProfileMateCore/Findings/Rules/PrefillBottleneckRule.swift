/// `prefill_bottleneck`: requests spend much longer in prefill than in decode (`/metrics`; evaluated in
/// PromMetrics).
package struct PrefillBottleneckRule: FindingRule {
  package let info = RuleInfo(
    id: "prefill_bottleneck", area: .phases, sources: [.metrics], severities: [.info],
    summary: "mean prefill ÷ mean decode time ≥ phase_ratio, over ≥ min_requests_for_phase_rule requests",
    thresholds: ["phase_ratio", "min_requests_for_phase_rule"])

  package init() {}
}
