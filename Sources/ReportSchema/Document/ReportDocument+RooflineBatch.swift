import ProfileMateCore

extension ReportDocument {
  /// The roofline totals of decode-only steps of one batch-size bucket (`roofline.decode_by_batch[]`):
  /// `min_requests`, `max_requests`, then the totals' members.
  public struct RooflineBatch: Codable, Sendable, Equatable {
    /// `min_requests`.
    public var minRequests: Int?
    /// `max_requests`.
    public var maxRequests: Int?
    /// The totals, written into the same object.
    public var totals = RooflineTotals()

    enum CodingKeys: String, CodingKey {
      case minRequests = "min_requests"
      case maxRequests = "max_requests"
    }

    init(minRequests: Int?, maxRequests: Int?, totals: RooflineTotals) {
      self.minRequests = minRequests
      self.maxRequests = maxRequests
      self.totals = totals
    }

    /// Decodes the bounds and the totals from one object.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      minRequests = try c.decodeIfPresent(Int.self, forKey: .minRequests)
      maxRequests = try c.decodeIfPresent(Int.self, forKey: .maxRequests)
      totals = try RooflineTotals(from: decoder)
    }

    /// Encodes the bounds, then the totals, into one object.
    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encodeIfPresent(minRequests, forKey: .minRequests)
      try c.encodeIfPresent(maxRequests, forKey: .maxRequests)
      try totals.encode(to: encoder)
    }
  }
}
