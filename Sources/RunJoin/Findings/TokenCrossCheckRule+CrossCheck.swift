import ProfileMateCore

extension TokenCrossCheckRule: CrossCheckFindingRule {
  /// The token check, when the log and the counter disagree.
  package func evaluate(_ checks: [CrossCheck], benchmark: BenchmarkResult?, _ t: FindingThresholds) -> [Finding] {
    disagreements(checks).map {
      finding(
        $0,
        recommendation:
          "Make sure the log and the scrapes come from the same server run (a restart resets the counters; "
          + "scrape every engine) and that the recording ends after the load has drained.")
    }
  }
}
