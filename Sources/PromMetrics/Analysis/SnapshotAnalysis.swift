import ProfileMateCore

/// What one `/metrics` scrape says about each vLLM engine: totals since start, gauges now, and for each
/// latency histogram the count, mean and p50/p90/p99 as `histogram_quantile` would compute them.
public struct SnapshotAnalysis: Sendable {
  /// One summary per (model, engine).
  public var engines: [EngineSummary]
  /// Malformed lines in the scrape.
  public var issues: [ParseIssue]

  /// Analyses a parsed scrape.
  public init(_ exposition: Exposition) {
    issues = exposition.issues
    engines = VLLMMetrics.snapshots(exposition).map { Self.summary($0) }
  }

  /// The cumulative summary of one engine snapshot.
  public static func summary(_ s: VLLMSnapshot) -> EngineSummary {
    var out = EngineSummary(model: s.model, engine: s.engine)
    fillGauges(&out, s)
    out.promptTokens = s.value(.promptTokens)
    out.generationTokens = s.value(.generationTokens)
    out.preemptions = s.value(.preemptions)
    out.prefixCacheQueries = s.value(.prefixCacheQueries)
    out.prefixCacheHits = s.value(.prefixCacheHits)
    out.requestSuccess = (s.byLabel[.requestSuccess] ?? [:]).mapValues(\.value)
    out.latencies = LatencyKind.allCases.compactMap { kind in
      s.histograms[kind.metric].map {
        LatencySummary(kind: kind, name: s.names[kind.metric] ?? "", histogram: $0)
      }
    }
    out.batchSizes = s.histograms[.iterationTokens].map { BatchSizeDistribution(histogram: $0) }
    if let f = s.value(.estimatedFlops) {
      out.mfu = .init(
        flops: f, readBytes: s.value(.estimatedReadBytes) ?? 0, writeBytes: s.value(.estimatedWriteBytes) ?? 0)
    }
    return out
  }

  /// Gauges, cache config and evidence lines: the same for a snapshot and a window (latest reading).
  static func fillGauges(_ out: inout EngineSummary, _ s: VLLMSnapshot, evidence: Bool = true) {
    out.running = s.values[.requestsRunning]
    out.waiting = s.values[.requestsWaiting]
    out.waitingByReason = (s.byLabel[.requestsWaitingByReason] ?? [:]).mapValues(\.value)
    out.kvCacheUsagePct = s.value(.kvCacheUsage).map { $0 * 100 }
    out.cacheConfig = s.cacheConfig
    guard evidence else { return }
    for (m, v) in s.values { out.lines[m] = v.line }
    for (m, parts) in s.byLabel { out.lines[m] = parts.values.map(\.line).min() }
    for (m, h) in s.histograms { out.lines[m] = h.line }
    if let c = s.cacheConfig { out.lines[.cacheConfigInfo] = c.line }
  }

  /// The findings for every engine, most severe first.
  public func findings(_ thresholds: MetricsFindingThresholds = MetricsFindingThresholds()) -> [Finding] {
    MetricsFindingRules.evaluate(engines, thresholds: thresholds)
  }
}
