import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// Batching, queueing and KV-cache pressure from stats lines (`scheduler`).
  public struct Scheduler: Codable, Sendable, Equatable {
    /// `samples`.
    public var samples: Int?
    /// `idle_samples`.
    public var idleSamples: Int?
    /// `max_running`.
    public var maxRunning: Int?
    /// `max_waiting`.
    public var maxWaiting: Int?
    /// `waiting_share_pct`.
    public var waitingSharePct: Double?
    /// `mean_queue_pressure`.
    public var meanQueuePressure: Double?
    /// `mean_kv_usage_pct`.
    public var meanKVUsagePct: Double?
    /// `max_kv_usage_pct`.
    public var maxKVUsagePct: Double?
    /// `mean_prompt_throughput`.
    public var meanPromptThroughput: Double?
    /// `peak_prompt_throughput`.
    public var peakPromptThroughput: Double?
    /// `mean_generation_throughput`.
    public var meanGenerationThroughput: Double?
    /// `peak_generation_throughput`.
    public var peakGenerationThroughput: Double?
    /// `mean_prefix_cache_hit_rate_pct`.
    public var meanPrefixCacheHitRatePct: Double?
    /// `last_prefix_cache_hit_rate_pct`.
    public var lastPrefixCacheHitRatePct: Double?
    /// `preemptions`.
    public var preemptions: Int?
    /// `lines`.
    public var lines: ReportDocument.SchedulerLines?

    enum CodingKeys: String, CodingKey {
      case samples
      case idleSamples = "idle_samples"
      case maxRunning = "max_running"
      case maxWaiting = "max_waiting"
      case waitingSharePct = "waiting_share_pct"
      case meanQueuePressure = "mean_queue_pressure"
      case meanKVUsagePct = "mean_kv_usage_pct"
      case maxKVUsagePct = "max_kv_usage_pct"
      case meanPromptThroughput = "mean_prompt_throughput"
      case peakPromptThroughput = "peak_prompt_throughput"
      case meanGenerationThroughput = "mean_generation_throughput"
      case peakGenerationThroughput = "peak_generation_throughput"
      case meanPrefixCacheHitRatePct = "mean_prefix_cache_hit_rate_pct"
      case lastPrefixCacheHitRatePct = "last_prefix_cache_hit_rate_pct"
      case preemptions
      case lines
    }
  }
  // END GENERATED
}

extension ReportDocument.Scheduler {
  /// The figures of `s`.
  init(_ s: SchedulerAnalysis) {
    self.init(
      samples: s.samples, idleSamples: s.idleSamples, maxRunning: s.maxRunning?.value, maxWaiting: s.maxWaiting?.value,
      waitingSharePct: s.waitingSharePct, meanQueuePressure: s.meanQueuePressure, meanKVUsagePct: s.meanKVUsagePct,
      maxKVUsagePct: s.maxKVUsagePct?.value, meanPromptThroughput: s.meanPromptThroughput,
      peakPromptThroughput: s.peakPromptThroughput, meanGenerationThroughput: s.meanGenerationThroughput,
      peakGenerationThroughput: s.peakGenerationThroughput, meanPrefixCacheHitRatePct: s.meanPrefixCacheHitRatePct,
      lastPrefixCacheHitRatePct: s.lastPrefixCacheHitRatePct, preemptions: s.preemptions,
      lines: ReportDocument.SchedulerLines(
        maxRunning: s.maxRunning?.line, maxWaiting: s.maxWaiting?.line, maxKVUsage: s.maxKVUsagePct?.line,
        firstPreemption: s.firstPreemptionLine))
  }
}
