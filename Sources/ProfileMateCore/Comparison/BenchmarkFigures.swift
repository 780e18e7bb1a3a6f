/// The figures of a run's benchmark that a comparison needs: the latency percentiles the file states, request
/// throughput and failures, and samples of the per-request TTFTs and inter-token gaps (`--save-detailed`) for
/// the bootstrap.
public struct BenchmarkFigures: Sendable, Equatable {
  /// The median and 99th percentile of one latency metric, in ms.
  public struct Percentiles: Sendable, Equatable {
    /// The median (`median_<m>_ms`, else `p50_<m>_ms`).
    public var p50Ms: Double?
    /// The 99th percentile (`p99_<m>_ms`).
    public var p99Ms: Double?

    /// Creates figures.
    public init(p50Ms: Double?, p99Ms: Double?) {
      self.p50Ms = p50Ms
      self.p99Ms = p99Ms
    }
  }

  /// Per-request values of one metric in ms, ascending: whole up to the sample limit, a uniform sample beyond.
  public struct Sample: Sendable, Equatable {
    /// The values kept, in ms, ascending.
    public var ms: [Double]
    /// Values the benchmark has.
    public var seen: Int

    /// Creates a sample (the values are sorted here).
    public init(ms: [Double], seen: Int? = nil) {
      self.ms = ms.sorted()
      self.seen = seen ?? ms.count
    }
  }

  /// The latency metrics compared, in report order (vLLM's names: TTFT, time per output token, inter-token
  /// latency, end-to-end latency).
  public static let metrics = ["ttft", "tpot", "itl", "e2el"]
  /// The metrics whose per-request values the bootstrap resamples.
  public static let sampledMetrics = ["ttft", "itl"]

  /// Percentiles per metric (`ttft`, `tpot`, `itl`, `e2el`), for those the file has.
  public var latencies: [String: Percentiles] = [:]
  /// Completed requests per second (`request_throughput`).
  public var requestThroughput: Double?
  /// Completed requests.
  public var completed: Int?
  /// Failed requests.
  public var failed: Int?
  /// Per-request samples for `ttft` and `itl`, when the file has them.
  public var samples: [String: Sample] = [:]

  /// Empty figures (a saved report fills them in).
  public init() {}

  /// The figures of `result`, with at most `sampleLimit` per-request values per metric (a uniform sample
  /// beyond, reservoir sampling with a generator seeded by `seed`).
  public init(_ result: BenchmarkResult, sampleLimit: Int, seed: UInt64) {
    for m in Self.metrics {
      guard let l = result.latency(m) else { continue }
      let p50 = l.median ?? l.percentiles.first { $0.percentile == 50 }?.ms
      latencies[m] = Percentiles(p50Ms: p50, p99Ms: l.percentiles.first { $0.percentile == 99 }?.ms)
    }
    requestThroughput = result.requestThroughput
    completed = result.completed
    failed = result.failed
    var rng = SplitMix64(seed: seed)
    for (m, seconds) in [("ttft", result.ttfts), ("itl", result.itls)] {
      guard let seconds, !seconds.isEmpty else { continue }
      samples[m] = Self.sample(seconds.map { $0 * 1000 }, limit: sampleLimit, rng: &rng)
    }
  }

  /// All of `values` while there are at most `limit`, else a uniform sample of `limit` (Vitter's algorithm R).
  static func sample(_ values: [Double], limit: Int, rng: inout SplitMix64) -> Sample {
    guard values.count > limit else { return Sample(ms: values) }
    var kept = Array(values.prefix(limit))
    for i in limit..<values.count {
      let j = rng.below(i + 1)
      if j < limit { kept[j] = values[i] }
    }
    return Sample(ms: kept, seen: values.count)
  }
}
