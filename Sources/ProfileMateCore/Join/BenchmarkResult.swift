/// A load generator's result joined into the run: `vllm bench serve --save-result` JSON, or the older
/// `benchmarks/benchmark_serving.py` JSON (spec §10.2). Times are in the units the file uses: aggregates in
/// milliseconds, per-request arrays in seconds.
public struct BenchmarkResult: Sendable, Equatable {
  /// One latency metric's summary (`mean_ttft_ms`, `p99_ttft_ms`, …), in milliseconds.
  public struct Latency: Sendable, Equatable {
    /// `ttft`, `tpot`, `itl` or `e2el`.
    public var metric: String
    /// `mean_<m>_ms`.
    public var mean: Double?
    /// `median_<m>_ms`.
    public var median: Double?
    /// `std_<m>_ms`.
    public var std: Double?
    /// `p<P>_<m>_ms` in increasing `P`.
    public var percentiles: [(percentile: Double, ms: Double)]

    /// Creates a summary.
    public init(
      metric: String, mean: Double?, median: Double?, std: Double?, percentiles: [(percentile: Double, ms: Double)]
    ) {
      self.metric = metric
      self.mean = mean
      self.median = median
      self.std = std
      self.percentiles = percentiles
    }

    public static func == (a: Latency, b: Latency) -> Bool {
      a.metric == b.metric && a.mean == b.mean && a.median == b.median && a.std == b.std
        && a.percentiles.map(\.percentile) == b.percentiles.map(\.percentile)
        && a.percentiles.map(\.ms) == b.percentiles.map(\.ms)
    }
  }

  /// The file it was read from.
  public var source: String
  /// `vllm bench serve` (has `endpoint_type`, `failed` or per-request `start_times`) or `benchmark_serving.py`.
  public var generator: String
  /// `date` (`%Y%m%d-%H%M%S`).
  public var date: String?
  /// `backend`.
  public var backend: String?
  /// `model_id`.
  public var model: String?
  /// `num_prompts`.
  public var numPrompts: Int?
  /// `request_rate` in requests/s; nil when `"inf"` (all at once) or absent.
  public var requestRate: Double?
  /// `max_concurrency`, when set.
  public var maxConcurrency: Int?
  /// `burstiness` (1 = Poisson).
  public var burstiness: Double?
  /// `duration` in seconds.
  public var duration: Double?
  /// `completed` requests.
  public var completed: Int
  /// `failed` (v0.11.1+), else `num_prompts − completed`, else the non-empty `errors`.
  public var failed: Int?
  /// `total_input_tokens`.
  public var totalInputTokens: Int?
  /// `total_output_tokens`.
  public var totalOutputTokens: Int?
  /// `request_throughput` (requests/s; `request_inthroughput` in the oldest files).
  public var requestThroughput: Double?
  /// `output_throughput` (tokens/s).
  public var outputThroughput: Double?
  /// `total_token_throughput` (tokens/s).
  public var totalTokenThroughput: Double?
  /// `max_concurrent_requests` (v0.11.0+).
  public var maxConcurrentRequests: Int?
  /// Summaries of `ttft`, `tpot`, `itl`, `e2el`, those present, in that order.
  public var latencies: [Latency] = []
  /// Per request (`--save-detailed`): time to first token in seconds, successful requests only.
  public var ttfts: [Double]?
  /// Per request (`--save-detailed`): every inter-chunk gap in seconds, successful requests only, flattened.
  public var itls: [Double]?
  /// Per request (v0.16.0+): send times in seconds (any origin), all requests.
  public var startTimes: [Double]?
  /// The distinct non-empty `errors`, with how many requests had each (most frequent first, at most 5).
  public var errors: [(message: String, count: Int)] = []

  /// Creates a result with the required fields.
  public init(source: String, generator: String, completed: Int) {
    self.source = source
    self.generator = generator
    self.completed = completed
  }

  /// The summary of `metric` (`ttft`, `tpot`, `itl`, `e2el`), if the file has it.
  public func latency(_ metric: String) -> Latency? { latencies.first { $0.metric == metric } }

  /// The rate at which requests were sent: (n − 1) / (last − first send time); nil without `start_times`.
  public var achievedSendRate: Double? {
    guard let t = startTimes, t.count >= 2, let lo = t.min(), let hi = t.max(), hi > lo else { return nil }
    return Double(t.count - 1) / (hi - lo)
  }

  public static func == (a: BenchmarkResult, b: BenchmarkResult) -> Bool {
    a.source == b.source && a.generator == b.generator && a.date == b.date && a.completed == b.completed
      && a.failed == b.failed && a.duration == b.duration && a.latencies == b.latencies && a.ttfts == b.ttfts
      && a.itls == b.itls && a.startTimes == b.startTimes && a.requestRate == b.requestRate
      && a.errors.map(\.message) == b.errors.map(\.message) && a.errors.map(\.count) == b.errors.map(\.count)
  }
}
