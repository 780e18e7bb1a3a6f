import ProfileMateCore

/// Mean prefill and decode times of one engine, once enough requests have both, and the evidence both
/// bottleneck rules show.
struct PhaseTimes {
  /// Mean prefill time ÷ mean decode time.
  var ratio: Double
  /// The two figures behind it.
  var evidence: [Evidence]

  /// The times of `e`, or nil with fewer than ``FindingThresholds/minRequestsForPhaseRule`` requests or no time.
  init?(_ e: EngineSummary, _ t: FindingThresholds) {
    typealias M = MetricsFindingRules
    guard let p = e.latency(.prefill), let d = e.latency(.decode), p.count >= t.minRequestsForPhaseRule,
      d.count >= t.minRequestsForPhaseRule, let pm = p.mean, let dm = d.mean, pm > 0, dm > 0
    else { return nil }
    ratio = pm / dm
    evidence = [
      Evidence(
        "mean prefill time \(M.seconds(pm)) (p90 \(M.seconds(p.p90))) over \(M.number(p.count)) requests \(M.scope(e))",
        lines: [p.line]),
      Evidence("mean decode time \(M.seconds(dm)) (p90 \(M.seconds(d.p90)))", lines: [d.line]),
    ]
  }
}
