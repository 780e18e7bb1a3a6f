/// Run B against run A: configuration differences, then the figures side by side, with bootstrap
/// intervals and verdicts for the step-time percentiles of each kind.
public struct RunComparison: Sendable, Equatable {
  /// A configuration fact that differs (nil: absent from that run).
  public struct ConfigDifference: Sendable, Equatable {
    /// The key (`max_model_len`, `args.max_num_seqs`).
    public var key: String
    /// A's value.
    public var a: String?
    /// B's value.
    public var b: String?
  }

  /// How many steps of one kind the bootstrap used from each run.
  public struct SampleUse: Sendable, Equatable {
    /// The kind.
    public var kind: StepKind
    /// Steps used from A, and steps A has.
    public var usedA: Int
    /// Steps of this kind in A.
    public var seenA: Int
    /// Steps used from B.
    public var usedB: Int
    /// Steps of this kind in B.
    public var seenB: Int
  }

  /// A's name.
  public var sourceA: String
  /// B's name.
  public var sourceB: String
  /// Configuration differences, by key.
  public var configDifferences: [ConfigDifference]
  /// The figures, in report order.
  public var metrics: [MetricComparison]
  /// The bootstrap's settings.
  public var settings: BootstrapSettings
  /// Where `throughput` comes from: `step_time` (tokens ÷ step time) or `stats_lines` (mean prompt +
  /// generation throughput), or nil when neither run has both.
  public var throughputSource: String?
  /// Steps the bootstrap used per kind.
  public var sampleUse: [SampleUse]
  /// Per-request values the bootstrap used per benchmark metric (`ttft`, `itl`).
  public var latencySampleUse: [LatencySampleUse] = []
  /// The run directories' cross-checks, side by side (empty when neither run has any).
  public var crossChecks: [CrossCheckPair] = []
  /// Fewest steps of a kind, in each run, for an interval.
  public static let minimumSteps = 5

  /// Step kinds compared (idle steps carry no work).
  public static let comparedKinds: [StepKind] = [.prefill, .decode, .mixed]

  /// Every metric name a gate rule may use.
  public static let metricNames: [String] = {
    let kinds: [String] = comparedKinds.flatMap { k in
      ["p50_ms", "p99_ms", "mean_ms", "steps"].map { k.rawValue + "." + $0 }
    }
    let latencies: [String] = BenchmarkFigures.metrics.flatMap { m in ["p50_ms", "p99_ms"].map { m + "." + $0 } }
    let head: [String] = ["throughput", "prompt_throughput", "generation_throughput"]
    let bench: [String] = ["request_throughput", "failed_requests"]
    let tail: [String] = ["kv_peak_pct", "padding_overhead_pct", "preemptions", "max_waiting"]
    return head + kinds + bench + latencies + tail
  }()

  /// The metric called `name`, if compared.
  public func metric(_ name: String) -> MetricComparison? { metrics.first { $0.metric == name } }

  /// The overall call: worse if any interval says worse, better if some say better and none worse,
  /// no significant change if intervals exist and all hold zero, not tested without intervals.
  public var overall: ChangeVerdict {
    let tested = metrics.map(\.verdict).filter { $0 != .notTested }
    if tested.contains(.worse) { return .worse }
    if tested.contains(.better) { return .better }
    return tested.isEmpty ? .notTested : .noSignificantChange
  }

  /// Compares B against A.
  public static func compare(
    _ a: RunSummary, _ b: RunSummary, settings: BootstrapSettings = BootstrapSettings()
  )
    -> RunComparison
  {
    var diffs: [ConfigDifference] = []
    for key in Set(a.config.keys).union(b.config.keys).sorted() where a.config[key] != b.config[key] {
      diffs.append(ConfigDifference(key: key, a: a.config[key], b: b.config[key]))
    }
    var metrics: [MetricComparison] = []
    var source: String?
    if let ta = a.stepTokensPerSecond, let tb = b.stepTokensPerSecond {
      source = "step_time"
      metrics.append(
        MetricComparison(
          metric: "throughput", label: "throughput (tokens ÷ step time)", unit: "tok/s", a: ta, b: tb,
          lowerIsBetter: false))
    } else if let pa = a.promptThroughput, let ga = a.generationThroughput, let pb = b.promptThroughput,
      let gb = b.generationThroughput
    {
      source = "stats_lines"
      metrics.append(
        MetricComparison(
          metric: "throughput", label: "throughput (mean prompt + generation)", unit: "tok/s", a: pa + ga,
          b: pb + gb, lowerIsBetter: false))
    }
    metrics.append(
      MetricComparison(
        metric: "prompt_throughput", label: "prompt throughput (stats mean)", unit: "tok/s", a: a.promptThroughput,
        b: b.promptThroughput, lowerIsBetter: false))
    metrics.append(
      MetricComparison(
        metric: "generation_throughput", label: "generation throughput (stats mean)", unit: "tok/s",
        a: a.generationThroughput, b: b.generationThroughput, lowerIsBetter: false))
    var uses: [SampleUse] = []
    for kind in comparedKinds where a.kinds[kind] != nil || b.kinds[kind] != nil {
      let fa = a.kinds[kind]
      let fb = b.kinds[kind]
      var intervals: [ConfidenceInterval]?
      if let sa = a.samples[kind], let sb = b.samples[kind], sa.centiMs.count >= minimumSteps,
        sb.centiMs.count >= minimumSteps
      {
        // One generator per kind, so a kind's interval does not depend on which other kinds exist.
        var rng = SplitMix64(seed: settings.seed &+ UInt64(kind.index + 1) &* 0x9E37_79B9_7F4A_7C15)
        intervals = Bootstrap.differences(
          sa.centiMs, sb.centiMs, percentiles: [50, 99], settings: settings, rng: &rng, scale: 100)
        uses.append(
          SampleUse(kind: kind, usedA: sa.centiMs.count, seenA: sa.seen, usedB: sb.centiMs.count, seenB: sb.seen))
      }
      let k = kind.rawValue
      metrics.append(
        MetricComparison(
          metric: k + ".p50_ms", label: k + " step p50", unit: "ms", a: fa?.p50Ms, b: fb?.p50Ms, lowerIsBetter: true,
          interval: intervals?[0]))
      metrics.append(
        MetricComparison(
          metric: k + ".p99_ms", label: k + " step p99", unit: "ms", a: fa?.p99Ms, b: fb?.p99Ms, lowerIsBetter: true,
          interval: intervals?[1]))
      metrics.append(
        MetricComparison(
          metric: k + ".mean_ms", label: k + " step mean", unit: "ms", a: fa?.meanMs, b: fb?.meanMs,
          lowerIsBetter: true))
      metrics.append(
        MetricComparison(
          metric: k + ".steps", label: k + " steps", unit: "", a: fa.map { Double($0.steps) } ?? 0,
          b: fb.map { Double($0.steps) } ?? 0, lowerIsBetter: nil))
    }
    let (benchmark, latencyUse) = benchmarkMetrics(a.benchmark, b.benchmark, settings: settings)
    metrics += benchmark
    metrics.append(
      MetricComparison(
        metric: "kv_peak_pct", label: "KV-cache peak", unit: "%", a: a.kvPeakPct, b: b.kvPeakPct, lowerIsBetter: nil))
    metrics.append(
      MetricComparison(
        metric: "padding_overhead_pct", label: "CUDA-graph padding overhead", unit: "%", a: a.paddingOverheadPct,
        b: b.paddingOverheadPct, lowerIsBetter: true))
    metrics.append(
      MetricComparison(
        metric: "preemptions", label: "preemptions", unit: "", a: a.preemptions.map(Double.init),
        b: b.preemptions.map(Double.init), lowerIsBetter: true))
    metrics.append(
      MetricComparison(
        metric: "max_waiting", label: "most requests waiting", unit: "", a: a.maxWaiting.map(Double.init),
        b: b.maxWaiting.map(Double.init), lowerIsBetter: true))
    return RunComparison(
      sourceA: a.source, sourceB: b.source, configDifferences: diffs, metrics: metrics, settings: settings,
      throughputSource: source, sampleUse: uses, latencySampleUse: latencyUse,
      crossChecks: CrossCheckPair.pairs(a.crossChecks, b.crossChecks))
  }
}
