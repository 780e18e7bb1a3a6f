import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// How the attended context was estimated (`roofline.context_estimate`).
  public struct ContextEstimate: Codable, Sendable, Equatable {
    /// `method`.
    public var method: String?
    /// `capacity_tokens`.
    public var capacityTokens: Int?
    /// `step_line`.
    public var stepLine: Int?
    /// `interpolated`.
    public var interpolated: Int?
    /// `unknown`.
    public var unknown: Int?

    enum CodingKeys: String, CodingKey {
      case method
      case capacityTokens = "capacity_tokens"
      case stepLine = "step_line"
      case interpolated
      case unknown
    }
  }
  // END GENERATED
}

extension ReportDocument.ContextEstimate {
  /// How `r` estimated context: KV usage × the logged capacity, and the steps by where their usage came from.
  init(_ r: RooflineAnalysis) {
    self.init(
      method: "kv_usage_x_capacity", capacityTokens: r.capacityTokens, stepLine: r.steps(from: .stepLine),
      interpolated: r.steps(from: .interpolated), unknown: r.steps(from: .unknown))
  }
}
