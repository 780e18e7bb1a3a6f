/// The step-time shares the phase-dominance rules read, once the run has enough steps.
struct PhaseShares {
  /// Share of step time in decode-only steps (percent).
  var decode: Double
  /// Share of step time in prefill and mixed steps (percent).
  var prefillish: Double
  /// The first and last iteration lines.
  var lines: [LineNumber]

  /// The shares of `a`, or nil with fewer than ``FindingThresholds/dominantPhaseMinSteps`` steps.
  init?(_ a: RunAnalysis, _ t: FindingThresholds) {
    guard let steps = a.steps, Double(steps.count) >= t.dominantPhaseMinSteps else { return nil }
    decode = steps.byKind[.decode]?.sharePct ?? 0
    prefillish = (steps.byKind[.prefill]?.sharePct ?? 0) + (steps.byKind[.mixed]?.sharePct ?? 0)
    lines = [steps.firstLine, steps.lastLine].compactMap { $0 }
  }
}
