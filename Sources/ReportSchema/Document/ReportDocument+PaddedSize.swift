import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// A capture size and the padding it caused (`top_padded_sizes[]`).
  public struct PaddedSize: Codable, Sendable, Equatable {
    /// `size`.
    public var size: Int?
    /// `steps`.
    public var steps: Int?
    /// `padding_tokens`.
    public var paddingTokens: Int?

    enum CodingKeys: String, CodingKey {
      case size
      case steps
      case paddingTokens = "padding_tokens"
    }
  }
  // END GENERATED
}
