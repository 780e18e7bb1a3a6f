import ProfileMateCore

extension RequestRateCrossCheckRule: CrossCheckFindingRule {
  /// The send-rate check, when the load generator did not keep to the requested rate.
  package func evaluate(_ checks: [CrossCheck], benchmark: BenchmarkResult?, _ t: FindingThresholds) -> [Finding] {
    disagreements(checks).map {
      finding(
        $0,
        recommendation:
          "Run the load generator on a machine with spare CPU, or lower --request-rate / raise --max-concurrency, "
          + "and treat this run's latencies as those of the achieved rate.")
    }
  }
}
