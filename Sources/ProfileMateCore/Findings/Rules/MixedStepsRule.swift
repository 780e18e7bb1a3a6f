/// `mixed_steps_slow_decode`: decodes sharing a step with prefill chunks wait much longer.
package struct MixedStepsRule: LogFindingRule {
  package let info = RuleInfo(
    id: "mixed_steps_slow_decode", area: .phases, sources: [.log], severities: [.warning],
    summary: "median mixed ÷ median decode step ≥ mixed_slowdown_ratio, and ≥ mixed_step_share_pct of steps mixed",
    thresholds: ["mixed_slowdown_ratio", "mixed_step_share_pct"])

  package init() {}

  package func evaluate(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    guard let steps = a.steps, let ratio = steps.mixedToDecodeMedianRatio, ratio >= t.mixedSlowdownRatio,
      let mixed = steps.byKind[.mixed], let decode = steps.byKind[.decode]?.time, let mixedTime = mixed.time,
      Double(mixed.count) / Double(steps.count) * 100 >= t.mixedStepSharePct
    else { return [] }
    let budget = a.model.config.maxNumBatchedTokens
    var evidence = [
      Evidence(
        "median mixed step \(Format.ms(mixedTime.p50)) vs median decode step \(Format.ms(decode.p50)) "
          + "(\(Format.fixed(ratio, 1))×)", lines: [steps.slowestLine].compactMap { $0 }),
      Evidence(
        "\(mixed.count) of \(steps.count) steps are mixed (\(Format.pct(Double(mixed.count) / Double(steps.count) * 100)))"
      ),
    ]
    if let budget { evidence.append(Evidence("max_num_batched_tokens = \(budget.value)", line: budget.line)) }
    return [
      Finding(
        id: info.id, severity: .warning,
        title: "Decodes that share a step with prefill chunks wait \(Format.fixed(ratio, 1))× longer",
        evidence: evidence,
        recommendation:
          "Every decode in a mixed step waits for the prefill chunk: lower --max-num-batched-tokens "
          + "(smaller chunks, steadier inter-token latency) if latency matters, raise it for throughput; "
          + "for strict ITL targets split prefill and decode (disaggregated serving).")
    ]
  }
}
