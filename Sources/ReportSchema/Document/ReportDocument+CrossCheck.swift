import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// Whether two sources of a run agree on one figure (`cross_checks[]`).
  public struct CrossCheck: Codable, Sendable, Equatable {
    /// `id`.
    public var id: String?
    /// `title`.
    public var title: String?
    /// `status`.
    public var status: String?
    /// `unit`.
    public var unit: String?
    /// `expected`.
    public var expected: ReportDocument.CrossCheckSide?
    /// `observed`.
    public var observed: ReportDocument.CrossCheckSide?
    /// `difference`.
    public var difference: Double?
    /// `tolerance`.
    public var tolerance: String?
    /// `note`.
    public var note: String?

    enum CodingKeys: String, CodingKey {
      case id
      case title
      case status
      case unit
      case expected
      case observed
      case difference
      case tolerance
      case note
    }
  }
  // END GENERATED
}

extension ReportDocument.CrossCheck {
  /// The check `c`.
  init(_ c: ProfileMateCore.CrossCheck) {
    self.init(
      id: c.id, title: c.title, status: c.status.rawValue, unit: c.unit,
      expected: ReportDocument.CrossCheckSide(source: c.expected.source, value: c.expected.value),
      observed: ReportDocument.CrossCheckSide(source: c.observed.source, value: c.observed.value),
      difference: c.difference, tolerance: c.tolerance, note: c.note)
  }
}
