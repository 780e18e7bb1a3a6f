extension RunComparison {
  /// How many per-request values of one benchmark metric the bootstrap used from each run.
  public struct LatencySampleUse: Sendable, Equatable {
    /// `ttft` or `itl`.
    public var metric: String
    /// Values used from A.
    public var usedA: Int
    /// Values A's benchmark has.
    public var seenA: Int
    /// Values used from B.
    public var usedB: Int
    /// Values B's benchmark has.
    public var seenB: Int
  }

  /// One cross-check of the two run directories side by side.
  public struct CrossCheckPair: Sendable, Equatable {
    /// The check's identifier (`generation_tokens`, `ttft_p50`, …).
    public var id: String
    /// What is compared.
    public var title: String
    /// A's verdict (nil: A has no such check).
    public var a: CrossCheck.Status?
    /// B's verdict.
    public var b: CrossCheck.Status?

    /// The checks of both runs paired by id, in A's order then B's extra ones.
    static func pairs(_ a: [CrossCheck], _ b: [CrossCheck]) -> [CrossCheckPair] {
      var out = a.map { c in CrossCheckPair(id: c.id, title: c.title, a: c.status, b: nil) }
      for c in b {
        if let i = out.firstIndex(where: { $0.id == c.id }) {
          out[i].b = c.status
        } else {
          out.append(CrossCheckPair(id: c.id, title: c.title, a: nil, b: c.status))
        }
      }
      return out
    }
  }

  /// Words for each benchmark metric.
  static let benchmarkLabels = [
    "ttft": "TTFT", "tpot": "time per output token", "itl": "inter-token latency", "e2el": "end-to-end latency",
  ]

  /// The seed offset of each resampled metric's generator (step kinds use 1…4).
  static let latencySeedOffsets: [String: UInt64] = ["ttft": 101, "itl": 102]

  /// The benchmark figures of both runs: request throughput, failures, and p50 / p99 of each latency metric,
  /// with bootstrap intervals for the medians and 99th percentiles of TTFT and inter-token latency where both
  /// runs have per-request values. Nothing when neither run has a benchmark.
  static func benchmarkMetrics(
    _ a: BenchmarkFigures?, _ b: BenchmarkFigures?, settings: BootstrapSettings
  ) -> ([MetricComparison], [LatencySampleUse]) {
    guard a != nil || b != nil else { return ([], []) }
    var metrics = [
      MetricComparison(
        metric: "request_throughput", label: "request throughput (benchmark)", unit: "req/s", a: a?.requestThroughput,
        b: b?.requestThroughput, lowerIsBetter: false),
      MetricComparison(
        metric: "failed_requests", label: "failed requests (benchmark)", unit: "", a: a?.failed.map(Double.init),
        b: b?.failed.map(Double.init), lowerIsBetter: true),
    ]
    var uses: [LatencySampleUse] = []
    for m in BenchmarkFigures.metrics {
      let la = a?.latencies[m]
      let lb = b?.latencies[m]
      guard la != nil || lb != nil else { continue }
      var intervals: [ConfidenceInterval]?
      if let sa = a?.samples[m], let sb = b?.samples[m], sa.ms.count >= minimumSteps, sb.ms.count >= minimumSteps {
        let offset = latencySeedOffsets[m] ?? 100
        var rng = SplitMix64(seed: settings.seed &+ offset &* 0x9E37_79B9_7F4A_7C15)
        intervals = Bootstrap.differences(sa.ms, sb.ms, percentiles: [50, 99], settings: settings, rng: &rng)
        uses.append(
          LatencySampleUse(metric: m, usedA: sa.ms.count, seenA: sa.seen, usedB: sb.ms.count, seenB: sb.seen))
      }
      let label = benchmarkLabels[m] ?? m
      metrics.append(
        MetricComparison(
          metric: m + ".p50_ms", label: label + " p50", unit: "ms", a: la?.p50Ms, b: lb?.p50Ms, lowerIsBetter: true,
          interval: intervals?[0]))
      metrics.append(
        MetricComparison(
          metric: m + ".p99_ms", label: label + " p99", unit: "ms", a: la?.p99Ms, b: lb?.p99Ms, lowerIsBetter: true,
          interval: intervals?[1]))
    }
    return (metrics, uses)
  }
}
