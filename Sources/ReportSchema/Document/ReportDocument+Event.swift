import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// One event (`events.first[]`).
  public struct Event: Codable, Sendable, Equatable {
    /// `kind`.
    public var kind: String?
    /// `line`.
    public var line: Int?
    /// `time_s`.
    public var timeS: Double?
    /// `message`.
    public var message: String?

    enum CodingKeys: String, CodingKey {
      case kind
      case line
      case timeS = "time_s"
      case message
    }
  }
  // END GENERATED
}
