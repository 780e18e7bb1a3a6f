import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// One `steps.by_kind` member.
  public struct StepKindFigures: Codable, Sendable, Equatable {
    /// `count`.
    public var count: Int?
    /// `tokens`.
    public var tokens: Int?
    /// `total_ms`.
    public var totalMs: Double?
    /// `share_pct`.
    public var sharePct: Double?
    /// `mean_ms`.
    public var meanMs: Double?
    /// `p50_ms`.
    public var p50Ms: Double?
    /// `p90_ms`.
    public var p90Ms: Double?
    /// `p99_ms`.
    public var p99Ms: Double?
    /// `max_ms`.
    public var maxMs: Double?

    enum CodingKeys: String, CodingKey {
      case count
      case tokens
      case totalMs = "total_ms"
      case sharePct = "share_pct"
      case meanMs = "mean_ms"
      case p50Ms = "p50_ms"
      case p90Ms = "p90_ms"
      case p99Ms = "p99_ms"
      case maxMs = "max_ms"
    }
  }
  // END GENERATED
}

extension ReportDocument.StepKindFigures {
  /// The figures of one kind; counts and totals are 0 and times null for a kind without steps.
  init(_ k: StepKindSummary?) {
    self.init(
      count: k?.count ?? 0, tokens: k?.tokens ?? 0, totalMs: k?.time?.total ?? 0, sharePct: k?.sharePct ?? 0,
      meanMs: k?.time?.mean, p50Ms: k?.time?.p50, p90Ms: k?.time?.p90, p99Ms: k?.time?.p99, maxMs: k?.time?.max)
  }
}
