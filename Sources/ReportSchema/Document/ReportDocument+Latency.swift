import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// One latency metric of the benchmark, in ms (`latency_ms.METRIC`).
  public struct Latency: Codable, Sendable, Equatable {
    /// `mean`.
    public var mean: Double?
    /// `median`.
    public var median: Double?
    /// `std`.
    public var std: Double?
    /// `percentiles`.
    public var percentiles: OrderedMap<Double?, KeyOrder.Percentiles>?

    enum CodingKeys: String, CodingKey {
      case mean
      case median
      case std
      case percentiles
    }
  }
  // END GENERATED
}

extension ReportDocument.Latency {
  /// The figures of `l`.
  init(_ l: BenchmarkResult.Latency) {
    self.init(
      mean: l.mean, median: l.median, std: l.std,
      percentiles: OrderedMap(l.percentiles.map { (Self.percentileKey($0.percentile), $0.ms) }))
  }

  /// `p99`, `p99.9`: the benchmark's own key style.
  public static func percentileKey(_ p: Double) -> String {
    p == p.rounded() ? "p\(Int(p))" : "p\(p)"
  }
}
