import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// One piece of a finding's evidence, with the lines it cites.
  public struct Evidence: Codable, Sendable, Equatable {
    /// `text`.
    public var text: String?
    /// `lines`.
    public var lines: [Int]?

    enum CodingKeys: String, CodingKey {
      case text
      case lines
    }
  }
  // END GENERATED
}
