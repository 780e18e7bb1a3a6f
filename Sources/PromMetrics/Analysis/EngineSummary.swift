/// The figures of one engine, either since it started (one scrape) or over a window between two scrapes.
/// Gauges (running, waiting, KV usage) are the latest reading in both cases; counters and histograms are
/// cumulative totals for a snapshot and increases for a window.
public struct EngineSummary: Sendable {
  /// Per-second rates over a window.
  public struct Rates: Sendable, Equatable {
    /// Prompt tokens per second.
    public var promptTokensPerSecond: Double?
    /// Generated tokens per second.
    public var generationTokensPerSecond: Double?
    /// Finished requests per second (all finish reasons).
    public var requestsPerSecond: Double?
    /// Preemptions per second.
    public var preemptionsPerSecond: Double?
    /// Estimated TFLOP/s per GPU (`--enable-mfu-metrics`).
    public var teraflopsPerGPU: Double?
    /// Estimated GB/s read + written per GPU.
    public var gigabytesPerSecondPerGPU: Double?
  }

  /// Estimated work counters (`--enable-mfu-metrics`, v0.17+).
  public struct MFUCounters: Sendable, Equatable {
    /// FLOPs per GPU.
    public var flops: Double
    /// Bytes read per GPU.
    public var readBytes: Double
    /// Bytes written per GPU.
    public var writeBytes: Double
  }

  /// `model_name`.
  public var model: String?
  /// `engine`.
  public var engine: String?
  /// Window length in seconds; nil for a single snapshot (totals since the engine started).
  public var windowSeconds: Double?
  /// Requests running (gauge).
  public var running: MetricValue?
  /// Requests waiting (gauge).
  public var waiting: MetricValue?
  /// Waiting requests by reason (`capacity`, `deferred`; v0.20+).
  public var waitingByReason: [String: Double] = [:]
  /// KV-cache usage in percent (gauge × 100).
  public var kvCacheUsagePct: Double?
  /// The cache configuration.
  public var cacheConfig: CacheConfigInfo?
  /// Prompt tokens (total or window increase).
  public var promptTokens: Double?
  /// Generated tokens.
  public var generationTokens: Double?
  /// Preemptions.
  public var preemptions: Double?
  /// Prefix-cache queries (tokens).
  public var prefixCacheQueries: Double?
  /// Prefix-cache hits (tokens).
  public var prefixCacheHits: Double?
  /// hits ÷ queries in percent; nil without queries.
  public var prefixCacheHitRatePct: Double? {
    guard let q = prefixCacheQueries, q > 0, let h = prefixCacheHits else { return nil }
    return h / q * 100
  }
  /// Finished requests by finish reason.
  public var requestSuccess: [String: Double] = [:]
  /// Finished requests, all reasons.
  public var requestsFinished: Double { requestSuccess.values.reduce(0, +) }
  /// Latency summaries, in ``LatencyKind`` order, for the histograms present.
  public var latencies: [LatencySummary] = []
  /// Tokens per engine step.
  public var batchSizes: BatchSizeDistribution?
  /// MFU counters.
  public var mfu: MFUCounters?
  /// Rates, for a window.
  public var rates: Rates?
  /// Counters that went down (or whose `_created` changed) inside the window: the engine restarted.
  public var resetCounters: [String] = []
  /// Input line of each metric used, for evidence.
  public var lines: [VLLMMetric: Int] = [:]

  /// Creates an empty summary.
  public init(model: String?, engine: String?, windowSeconds: Double? = nil) {
    self.model = model
    self.engine = engine
    self.windowSeconds = windowSeconds
  }

  /// The summary of one latency.
  public func latency(_ kind: LatencyKind) -> LatencySummary? { latencies.first { $0.kind == kind } }

  /// `model / engine N`.
  public var title: String {
    [model, engine.map { "engine \($0)" }].compactMap { $0 }.joined(separator: " / ")
  }
}
