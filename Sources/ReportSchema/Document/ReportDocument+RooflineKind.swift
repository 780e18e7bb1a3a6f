import ProfileMateCore

extension ReportDocument {
  /// The roofline totals of one step kind (`roofline.by_kind[]`): `kind`, then the totals' members.
  public struct RooflineKind: Codable, Sendable, Equatable {
    /// `kind`.
    public var kind: String?
    /// The totals, written into the same object.
    public var totals = RooflineTotals()

    enum CodingKeys: String, CodingKey {
      case kind
    }

    init(kind: String?, totals: RooflineTotals) {
      self.kind = kind
      self.totals = totals
    }

    /// Decodes `kind` and the totals from one object.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      kind = try c.decodeIfPresent(String.self, forKey: .kind)
      totals = try RooflineTotals(from: decoder)
    }

    /// Encodes `kind`, then the totals, into one object.
    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encodeIfPresent(kind, forKey: .kind)
      try totals.encode(to: encoder)
    }
  }
}
