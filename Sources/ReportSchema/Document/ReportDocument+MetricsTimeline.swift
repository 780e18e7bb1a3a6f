import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// A run directory's `/metrics` recording summed up per engine (`metrics_timeline`).
  public struct MetricsTimeline: Codable, Sendable, Equatable {
    /// `scrapes`.
    public var scrapes: Int?
    /// `failed_scrapes`.
    public var failedScrapes: Int?
    /// `span_seconds`.
    public var spanSeconds: Double?
    /// `engines`.
    public var engines: [ReportDocument.MetricsTimelineEngine]?

    enum CodingKeys: String, CodingKey {
      case scrapes
      case failedScrapes = "failed_scrapes"
      case spanSeconds = "span_seconds"
      case engines
    }
  }
  // END GENERATED
}

extension ReportDocument.MetricsTimeline {
  /// The figures of `t`.
  init(_ t: MetricsTimelineSummary) {
    self.init(
      scrapes: t.scrapes, failedScrapes: t.failedScrapes, spanSeconds: t.spanSeconds,
      engines: t.engines.map(ReportDocument.MetricsTimelineEngine.init))
  }
}
