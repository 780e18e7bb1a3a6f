import ProfileMateCore
import PromMetrics

/// Joins what a run directory holds into one analysis: the benchmark (already in the run model), the metrics
/// span, the cross-checks and their findings.
public enum RunJoin {
  /// Adds `sources`, the cross-checks and their findings to `analysis` (findings stay most severe first), and
  /// the recording's summary when `timeline` (every scrape of a `metrics/` recording) is given.
  public static func join(
    _ analysis: inout RunAnalysis, sources: RunSources, metrics: MetricsSpan?, timeline: MetricsTimeline? = nil
  ) {
    analysis.sources = sources
    analysis.metricsTimeline = timeline.map { $0.summary() }
    let checks = RunCrossChecks.evaluate(model: analysis.model, metrics: metrics, benchmark: analysis.model.benchmark)
    analysis.crossChecks = checks
    let all = analysis.findings + CrossCheckFindings.evaluate(checks, benchmark: analysis.model.benchmark)
    analysis.findings = all.enumerated().sorted { a, b in
      a.element.severity != b.element.severity ? a.element.severity > b.element.severity : a.offset < b.offset
    }.map(\.element)
  }
}
