import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// A distinct error of failed benchmark requests (`benchmark.errors[]`).
  public struct BenchmarkError: Codable, Sendable, Equatable {
    /// `message`.
    public var message: String?
    /// `count`.
    public var count: Int?

    enum CodingKeys: String, CodingKey {
      case message
      case count
    }
  }
  // END GENERATED
}
