import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// The tool that wrote the report.
  public struct Generator: Codable, Sendable, Equatable {
    /// `name`.
    public var name: String?
    /// `version`.
    public var version: String?

    enum CodingKeys: String, CodingKey {
      case name
      case version
    }
  }
  // END GENERATED
}

extension ReportDocument.Generator {
  /// ProfileMate at `version`.
  init(version: String) {
    self.init(name: "profilemate", version: version)
  }
}
