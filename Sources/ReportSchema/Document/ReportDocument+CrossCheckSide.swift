import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// One side of a cross-check: where the figure comes from, and the figure.
  public struct CrossCheckSide: Codable, Sendable, Equatable {
    /// `source`.
    public var source: String?
    /// `value`.
    public var value: Double?

    enum CodingKeys: String, CodingKey {
      case source
      case value
    }
  }
  // END GENERATED
}
