import ProfileMateCore

extension LatencyCrossCheckRule: CrossCheckFindingRule {
  /// Each percentile of this latency outside the server's bucket.
  package func evaluate(_ checks: [CrossCheck], benchmark: BenchmarkResult?, _ t: FindingThresholds) -> [Finding] {
    disagreements(checks).map {
      finding(
        $0,
        recommendation:
          "Client and server disagree on latency: look for time outside the engine (HTTP or proxy queues, "
          + "tokenization, a client short of CPU, the network between them).")
    }
  }
}
