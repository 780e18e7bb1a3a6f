import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// One finding (`findings[]`).
  public struct Finding: Codable, Sendable, Equatable {
    /// `id`.
    public var id: String?
    /// `severity`.
    public var severity: String?
    /// `title`.
    public var title: String?
    /// `evidence`.
    public var evidence: [ReportDocument.Evidence]?
    /// `recommendation`.
    public var recommendation: String?

    enum CodingKeys: String, CodingKey {
      case id
      case severity
      case title
      case evidence
      case recommendation
    }
  }
  // END GENERATED
}

extension ReportDocument.Finding {
  /// The finding `f`.
  public init(_ f: ProfileMateCore.Finding) {
    self.init(
      id: f.id, severity: f.severity.rawValue, title: f.title,
      evidence: f.evidence.map { ReportDocument.Evidence(text: $0.text, lines: $0.lines) },
      recommendation: f.recommendation)
  }
}
