import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// A run directory's `vllm bench serve` result (`benchmark`).
  public struct Benchmark: Codable, Sendable, Equatable {
    /// `source`.
    public var source: String?
    /// `generator`.
    public var generator: String?
    /// `date`.
    public var date: String?
    /// `backend`.
    public var backend: String?
    /// `model`.
    public var model: String?
    /// `num_prompts`.
    public var numPrompts: Int?
    /// `request_rate`.
    public var requestRate: Double?
    /// `max_concurrency`.
    public var maxConcurrency: Int?
    /// `burstiness`.
    public var burstiness: Double?
    /// `achieved_send_rate`.
    public var achievedSendRate: Double?
    /// `duration_s`.
    public var durationS: Double?
    /// `completed`.
    public var completed: Int?
    /// `failed`.
    public var failed: Int?
    /// `total_input_tokens`.
    public var totalInputTokens: Int?
    /// `total_output_tokens`.
    public var totalOutputTokens: Int?
    /// `request_throughput`.
    public var requestThroughput: Double?
    /// `output_throughput`.
    public var outputThroughput: Double?
    /// `total_token_throughput`.
    public var totalTokenThroughput: Double?
    /// `max_concurrent_requests`.
    public var maxConcurrentRequests: Int?
    /// `latency_ms`.
    public var latencyMs: OrderedMap<ReportDocument.Latency, KeyOrder.LatencyMetrics>?
    /// `errors`.
    public var errors: [ReportDocument.BenchmarkError]?

    enum CodingKeys: String, CodingKey {
      case source
      case generator
      case date
      case backend
      case model
      case numPrompts = "num_prompts"
      case requestRate = "request_rate"
      case maxConcurrency = "max_concurrency"
      case burstiness
      case achievedSendRate = "achieved_send_rate"
      case durationS = "duration_s"
      case completed
      case failed
      case totalInputTokens = "total_input_tokens"
      case totalOutputTokens = "total_output_tokens"
      case requestThroughput = "request_throughput"
      case outputThroughput = "output_throughput"
      case totalTokenThroughput = "total_token_throughput"
      case maxConcurrentRequests = "max_concurrent_requests"
      case latencyMs = "latency_ms"
      case errors
    }
  }
  // END GENERATED
}

extension ReportDocument.Benchmark {
  /// The figures of `b`, latencies in ms as the file has them.
  init(_ b: BenchmarkResult) {
    self.init(
      source: b.source, generator: b.generator, date: b.date, backend: b.backend, model: b.model,
      numPrompts: b.numPrompts, requestRate: b.requestRate, maxConcurrency: b.maxConcurrency,
      burstiness: b.burstiness, achievedSendRate: b.achievedSendRate, durationS: b.duration, completed: b.completed,
      failed: b.failed, totalInputTokens: b.totalInputTokens, totalOutputTokens: b.totalOutputTokens,
      requestThroughput: b.requestThroughput, outputThroughput: b.outputThroughput,
      totalTokenThroughput: b.totalTokenThroughput, maxConcurrentRequests: b.maxConcurrentRequests,
      latencyMs: OrderedMap(b.latencies.map { ($0.metric, ReportDocument.Latency($0)) }),
      errors: b.errors.map { ReportDocument.BenchmarkError(message: $0.message, count: $0.count) })
  }
}
