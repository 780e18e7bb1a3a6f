import ProfileMateCore

extension BenchmarkFailuresRule: CrossCheckFindingRule {
  /// Failed requests in the benchmark result.
  package func evaluate(_ checks: [CrossCheck], benchmark: BenchmarkResult?, _ t: FindingThresholds) -> [Finding] {
    guard let b = benchmark, let failed = b.failed, failed > 0 else { return [] }
    let total = b.completed + failed
    var evidence = [Evidence("\(b.source): completed = \(b.completed), failed = \(failed)")]
    evidence += b.errors.map { Evidence("\($0.count) × \($0.message)") }
    return [
      Finding(
        id: info.id, severity: b.completed == 0 ? .critical : .warning,
        title: "The benchmark's requests failed: \(failed) of \(total)", evidence: evidence,
        recommendation:
          "Read the server log at the time of the first failure (a crash, a 4xx/5xx, a time-out); latency "
          + "figures only describe the requests that completed.")
    ]
  }
}
