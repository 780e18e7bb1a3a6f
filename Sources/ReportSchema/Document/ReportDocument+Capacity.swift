import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// KV-cache capacity against what the run used (`capacity`).
  public struct Capacity: Codable, Sendable, Equatable {
    /// `kv_cache_tokens`.
    public var kvCacheTokens: Int?
    /// `max_model_len`.
    public var maxModelLen: Int?
    /// `max_concurrency`.
    public var maxConcurrency: Double?
    /// `max_concurrency_logged`.
    public var maxConcurrencyLogged: Bool?
    /// `peak_kv_usage_pct`.
    public var peakKVUsagePct: Double?
    /// `peak_kv_tokens`.
    public var peakKVTokens: Int?
    /// `max_running`.
    public var maxRunning: Int?

    enum CodingKeys: String, CodingKey {
      case kvCacheTokens = "kv_cache_tokens"
      case maxModelLen = "max_model_len"
      case maxConcurrency = "max_concurrency"
      case maxConcurrencyLogged = "max_concurrency_logged"
      case peakKVUsagePct = "peak_kv_usage_pct"
      case peakKVTokens = "peak_kv_tokens"
      case maxRunning = "max_running"
    }
  }
  // END GENERATED
}

extension ReportDocument.Capacity {
  /// The figures of `c`.
  init(_ c: CapacityAnalysis) {
    self.init(
      kvCacheTokens: c.kvCacheTokens?.value, maxModelLen: c.maxModelLen?.value, maxConcurrency: c.maxConcurrency,
      maxConcurrencyLogged: c.maxConcurrencyLogged, peakKVUsagePct: c.peakKVUsagePct?.value,
      peakKVTokens: c.peakKVTokens, maxRunning: c.maxRunning)
  }
}
