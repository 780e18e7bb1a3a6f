extension FindingThresholds {
  /// Every threshold, by name, in the order `profilemate rules` lists them.
  public static let all: [Threshold] = [
    Threshold(
      "queueing_share_pct", .percent, \.queueingSharePct,
      "log: share of stats samples with waiting requests at or above which queueing is reported"),
    Threshold(
      "queueing_warning_share_pct", .percent, \.queueingWarningSharePct,
      "log: share of stats samples with waiting requests at or above which queueing is a warning"),
    Threshold(
      "kv_pressure_pct", .percent, \.kvPressurePct,
      "KV-cache usage (log: peak; /metrics: latest reading) at or above which KV pressure is reported"),
    Threshold(
      "kv_pressure_warning_pct", .percent, \.kvPressureWarningPct,
      "KV-cache usage at or above which KV pressure is a warning even without preemptions"),
    Threshold(
      "kv_overprovisioned_pct", .percent, \.kvOverprovisionedPct,
      "log: peak KV-cache usage below which the cache is called over-provisioned"),
    Threshold(
      "kv_overprovisioned_min_samples", .count, \.kvOverprovisionedMinSamples,
      "log: stats samples needed before the cache is called over-provisioned"),
    Threshold(
      "dominant_phase_share_pct", .percent, \.dominantPhaseSharePct,
      "log: share of step time in decode (or prefill + mixed) steps at or above which that phase dominates"),
    Threshold(
      "dominant_phase_min_steps", .count, \.dominantPhaseMinSteps,
      "log: steps needed before a phase is called dominant"),
    Threshold(
      "mixed_slowdown_ratio", .ratio, \.mixedSlowdownRatio,
      "log: median mixed step ÷ median decode step at or above which mixed steps slow decodes"),
    Threshold(
      "mixed_step_share_pct", .percent, \.mixedStepSharePct,
      "log: share of steps that must be mixed for the mixed-step rule"),
    Threshold(
      "padding_overhead_pct", .percent, \.paddingOverheadPct,
      "log: CUDA-graph padding overhead above which padding is reported"),
    Threshold(
      "fitted_list_gain_pct_points", .percentagePoints, \.fittedListGainPctPoints,
      "log: padding a fitted capture-size list must save to be reported on its own"),
    Threshold(
      "eager_step_share_pct", .percent, \.eagerStepSharePct,
      "log: share of steps above the largest capture size (run eagerly) at or above which they are reported"),
    Threshold(
      "low_batch_utilization_pct", .percent, \.lowBatchUtilizationPct,
      "log: mean tokens per step ÷ max_num_batched_tokens below which, while requests queue, batching is poor"),
    Threshold(
      "roofline_overhead_factor", .ratio, \.rooflineOverheadFactor,
      "log: measured ÷ attainable step time at or above which a step is overhead-bound"),
    Threshold(
      "roofline_kind_share_pct", .percent, \.rooflineKindSharePct,
      "log: share of step time a step kind needs for its roofline finding"),
    Threshold(
      "waiting_requests", .requests, \.waitingRequests,
      "/metrics: requests waiting at the (latest) scrape at or above which queueing is reported"),
    Threshold(
      "queue_time_share_pct", .percent, \.queueTimeSharePct,
      "/metrics: mean queue time ÷ mean end-to-end latency at or above which queueing is a warning"),
    Threshold(
      "phase_ratio", .ratio, \.phaseRatio,
      "/metrics: mean prefill ÷ mean decode time (or the inverse) at or above which that phase is the bottleneck"),
    Threshold(
      "min_requests_for_phase_rule", .requests, \.minRequestsForPhaseRule,
      "/metrics: requests with prefill and decode times needed for the bottleneck rule"),
    Threshold(
      "low_prefix_hit_pct", .percent, \.lowPrefixHitPct,
      "/metrics: prefix-cache hit rate below which hits are called low"),
    Threshold(
      "min_prefix_queries", .tokens, \.minPrefixQueries,
      "/metrics: prefix-cache queries (tokens) needed before the hit rate is judged"),
  ]

  /// The threshold with this name.
  public static func threshold(named name: String) -> Threshold? { all.first { $0.name == name } }

  /// The value of a threshold.
  public subscript(_ threshold: Threshold) -> Double {
    get { self[keyPath: threshold.keyPath] }
    set { self[keyPath: threshold.keyPath] = newValue }
  }
}
