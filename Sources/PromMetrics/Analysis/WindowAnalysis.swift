import ProfileMateCore

/// What happened between two scrapes of the same server: counter increases and per-second rates (a decrease
/// or a changed `_created` counts as a restart, as PromQL's `increase()` treats it), and latency quantiles of
/// the window from the bucket increases — the figures of `histogram_quantile(φ, increase(x_bucket[window]))`.
public struct WindowAnalysis: Sendable {
  /// Seconds between the scrapes.
  public var seconds: Double
  /// One summary per (model, engine) of the later scrape.
  public var engines: [EngineSummary]
  /// Engines of the later scrape missing from the earlier one (started inside the window).
  public var newEngines: [String]
  /// Malformed lines of both scrapes (earlier first).
  public var issues: [ParseIssue]

  /// Analyses the window from `before` to `after`, `seconds` apart (must be > 0).
  public init(before: Exposition, after: Exposition, seconds: Double) {
    self.seconds = seconds
    issues = before.issues + after.issues
    var earlier: [VLLMMetrics.Key: VLLMSnapshot] = [:]
    for s in VLLMMetrics.snapshots(before) { earlier[VLLMMetrics.Key(model: s.model, engine: s.engine)] = s }
    var engines: [EngineSummary] = []
    var newEngines: [String] = []
    for s in VLLMMetrics.snapshots(after) {
      let b = earlier[VLLMMetrics.Key(model: s.model, engine: s.engine)]
      if b == nil { newEngines.append(s.title) }
      engines.append(Self.summary(before: b ?? VLLMSnapshot(model: s.model, engine: s.engine), after: s, seconds))
    }
    self.engines = engines
    self.newEngines = newEngines
  }

  /// The window summary of one engine.
  public static func summary(before b: VLLMSnapshot, after a: VLLMSnapshot, _ seconds: Double) -> EngineSummary {
    summary(before: b, after: a, seconds, evidence: true)
  }

  /// The window summary, without the evidence lines when `evidence` is false (a timeline's intervals).
  static func summary(
    before b: VLLMSnapshot, after a: VLLMSnapshot, _ seconds: Double, evidence: Bool
  )
    -> EngineSummary
  {
    var out = EngineSummary(model: a.model, engine: a.engine, windowSeconds: seconds)
    SnapshotAnalysis.fillGauges(&out, a, evidence: evidence)
    func inc(_ m: VLLMMetric) -> Double? {
      guard let now = a.values[m] else { return nil }
      let (d, reset) = now.increase(since: b.values[m])
      if reset { out.resetCounters.append(a.names[m] ?? m.rawValue) }
      return d
    }
    out.promptTokens = inc(.promptTokens)
    out.generationTokens = inc(.generationTokens)
    out.preemptions = inc(.preemptions)
    out.prefixCacheQueries = inc(.prefixCacheQueries)
    out.prefixCacheHits = inc(.prefixCacheHits)
    for (reason, now) in a.byLabel[.requestSuccess] ?? [:] {
      let (d, reset) = now.increase(since: b.byLabel[.requestSuccess]?[reason])
      if reset { out.resetCounters.append("vllm:request_success_total{finished_reason=\"\(reason)\"}") }
      out.requestSuccess[reason] = d
    }
    func window(_ m: VLLMMetric) -> Histogram? {
      guard let h = a.histograms[m] else { return nil }
      return b.histograms[m].map { h.delta(since: $0) } ?? h
    }
    out.latencies = LatencyKind.allCases.compactMap { kind in
      window(kind.metric).map { LatencySummary(kind: kind, name: a.names[kind.metric] ?? "", histogram: $0) }
    }
    out.batchSizes = window(.iterationTokens).map { BatchSizeDistribution(histogram: $0) }
    let flops = inc(.estimatedFlops)
    let read = inc(.estimatedReadBytes)
    let write = inc(.estimatedWriteBytes)
    if let flops {
      out.mfu = .init(flops: flops, readBytes: read ?? 0, writeBytes: write ?? 0)
    }
    guard seconds > 0 else { return out }
    let finished = a.byLabel[.requestSuccess] == nil ? nil : out.requestsFinished
    out.rates = .init(
      promptTokensPerSecond: out.promptTokens.map { $0 / seconds },
      generationTokensPerSecond: out.generationTokens.map { $0 / seconds },
      requestsPerSecond: finished.map { $0 / seconds },
      preemptionsPerSecond: out.preemptions.map { $0 / seconds },
      teraflopsPerGPU: flops.map { $0 / seconds / 1e12 },
      gigabytesPerSecondPerGPU: out.mfu.map { ($0.readBytes + $0.writeBytes) / seconds / 1e9 })
    return out
  }

  /// The findings for every engine, most severe first.
  public func findings(_ thresholds: MetricsFindingThresholds = MetricsFindingThresholds()) -> [Finding] {
    MetricsFindingRules.evaluate(engines, thresholds: thresholds)
  }
}
