import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// A distribution: count, mean, percentiles and maximum.
  public struct Distribution: Codable, Sendable, Equatable {
    /// `count`.
    public var count: Int?
    /// `mean`.
    public var mean: Double?
    /// `p50`.
    public var p50: Double?
    /// `p90`.
    public var p90: Double?
    /// `p99`.
    public var p99: Double?
    /// `max`.
    public var max: Double?

    enum CodingKeys: String, CodingKey {
      case count
      case mean
      case p50
      case p90
      case p99
      case max
    }
  }
  // END GENERATED
}

extension ReportDocument.Distribution {
  /// The figures of `d`.
  init(_ d: ProfileMateCore.Distribution) {
    self.init(count: d.count, mean: d.mean, p50: d.p50, p90: d.p90, p99: d.p99, max: d.max)
  }
}
