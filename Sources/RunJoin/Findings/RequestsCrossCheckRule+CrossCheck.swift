import ProfileMateCore

extension RequestsCrossCheckRule: CrossCheckFindingRule {
  /// The request-count check: extra requests on the server are information (another client), missing ones a
  /// warning (another server, or a recording that missed part of the run).
  package func evaluate(_ checks: [CrossCheck], benchmark: BenchmarkResult?, _ t: FindingThresholds) -> [Finding] {
    disagreements(checks).map { c in
      let extra = (c.difference ?? 0) > 0
      return finding(
        c, severity: extra ? .info : .warning,
        recommendation: extra
          ? "Run the benchmark alone on the server before comparing its latencies with the server's histograms."
          : "Scrape the server the benchmark targeted (every engine) from before it starts until after it ends.")
    }
  }
}
