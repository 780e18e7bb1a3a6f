import ReportSchema

extension JSONReport {
  /// `p99`, `p99.9`: the benchmark's own key style (the keys of `benchmark.latency_ms.M.percentiles`).
  static func percentileKey(_ p: Double) -> String {
    ReportDocument.Latency.percentileKey(p)
  }
}
