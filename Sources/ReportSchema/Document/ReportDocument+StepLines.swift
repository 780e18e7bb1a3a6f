import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// `steps.lines`: the first, last and slowest iteration lines.
  public struct StepLines: Codable, Sendable, Equatable {
    /// `first`.
    public var first: Int?
    /// `last`.
    public var last: Int?
    /// `slowest`.
    public var slowest: Int?

    enum CodingKeys: String, CodingKey {
      case first
      case last
      case slowest
    }
  }
  // END GENERATED
}
