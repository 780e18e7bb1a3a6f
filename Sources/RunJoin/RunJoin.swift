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
    // The server's preemption counter is the count a log may not print (vLLM 0.32 never does): since start-up,
    // as the log is. The log's findings are evaluated again with it.
    if let counted = metrics?.last.total(.preemptions), counted.isFinite, counted >= 0,
      let n = Int(exactly: counted.rounded()), analysis.scheduler?.preemptions != n
    {
      if analysis.scheduler == nil {
        analysis.scheduler = SchedulerAnalysis.analyze([], v0Preemptions: 0)
      }
      analysis.scheduler?.preemptions = n
      analysis.scheduler?.preemptionsSource = "vllm:num_preemptions_total"
      analysis.findings = FindingRules.evaluate(analysis, thresholds: analysis.thresholds)
    }
    let checks = RunCrossChecks.evaluate(model: analysis.model, metrics: metrics, benchmark: analysis.model.benchmark)
    analysis.crossChecks = checks
    let all = analysis.findings + CrossCheckFindings.evaluate(checks, benchmark: analysis.model.benchmark)
    analysis.findings = all.enumerated().sorted { a, b in
      a.element.severity != b.element.severity ? a.element.severity > b.element.severity : a.offset < b.offset
    }.map(\.element)
  }
}
