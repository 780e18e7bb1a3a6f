import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// A token count that ran eagerly, and how often (`top_eager_token_counts[]`).
  public struct EagerTokenCount: Codable, Sendable, Equatable {
    /// `tokens`.
    public var tokens: Int?
    /// `steps`.
    public var steps: Int?

    enum CodingKeys: String, CodingKey {
      case tokens
      case steps
    }
  }
  // END GENERATED
}
