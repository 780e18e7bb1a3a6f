import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// One engine over the recording (`metrics_timeline.engines[]`).
  public struct MetricsTimelineEngine: Codable, Sendable, Equatable {
    /// `model`.
    public var model: String?
    /// `engine`.
    public var engine: String?
    /// `scrapes`.
    public var scrapes: Int?
    /// `peak_running`.
    public var peakRunning: Double?
    /// `peak_waiting`.
    public var peakWaiting: Double?
    /// `peak_kv_usage_pct`.
    public var peakKVUsagePct: Double?
    /// `prompt_tokens`.
    public var promptTokens: Double?
    /// `generation_tokens`.
    public var generationTokens: Double?
    /// `preemptions`.
    public var preemptions: Double?

    enum CodingKeys: String, CodingKey {
      case model
      case engine
      case scrapes
      case peakRunning = "peak_running"
      case peakWaiting = "peak_waiting"
      case peakKVUsagePct = "peak_kv_usage_pct"
      case promptTokens = "prompt_tokens"
      case generationTokens = "generation_tokens"
      case preemptions
    }
  }
  // END GENERATED
}

extension ReportDocument.MetricsTimelineEngine {
  /// The figures of `e`.
  init(_ e: MetricsTimelineSummary.Engine) {
    self.init(
      model: e.model, engine: e.engine, scrapes: e.scrapes, peakRunning: e.peakRunning, peakWaiting: e.peakWaiting,
      peakKVUsagePct: e.peakKVUsagePct, promptTokens: e.promptTokens, generationTokens: e.generationTokens,
      preemptions: e.preemptions)
  }
}
