import ProfileMateCore

/// A series of scrapes of one server — a recording, or a live `watch` session — analysed as a timeline:
/// per engine, the gauges at each scrape and, for each interval between scrapes, counter increases,
/// per-second rates and latency quantiles of that interval (``WindowAnalysis`` of the two scrapes); plus the
/// whole timeline, whose counters and histogram buckets are the sums of the interval increases, so a restart
/// in the middle (a counter that went down) costs only its own interval, as PromQL's `increase()` over a range
/// treats it. Failed scrapes are kept as gaps: the next interval spans them.
///
/// Built incrementally (``add(_:epochMs:seq:)``), so a live view and a long recording cost the same per scrape.
/// Scrapes parsed with ``ExpositionParser/parse(_:layout:)`` that keep the previous one's layout reuse its
/// snapshot layout (``VLLMMetrics/snapshots(_:layout:)``).
public struct MetricsTimeline: Sendable {
  /// One scrape attempt.
  public struct Attempt: Sendable, Equatable {
    /// Sequence number, when from a recording.
    public var seq: String?
    /// Unix milliseconds.
    public var epochMs: Int64
    /// `200` for a scrape that was read; the failure's code otherwise (`000ERR`, `404`, …).
    public var status: String
  }

  /// Engines in order of first appearance.
  public private(set) var engines: [EngineTimeline] = []
  /// Every attempt, in order (only the latest `historyLimit` when one is set).
  public private(set) var attempts: [Attempt] = []
  /// Successful scrapes added.
  public private(set) var scrapeCount = 0
  /// Failed attempts added.
  public private(set) var failureCount = 0
  /// Malformed lines met, with the sequence number (or ordinal) of their scrape.
  public private(set) var issues: [(scrape: String, issue: ParseIssue)] = []
  /// Unix ms of the first and latest successful scrape.
  public private(set) var firstEpochMs: Int64?
  /// Unix ms of the latest successful scrape.
  public private(set) var lastEpochMs: Int64?
  /// Points (and attempts) kept per engine; nil keeps all.
  public let historyLimit: Int?
  /// Length of the sliding window of ``recentSummaries()``, seconds.
  public let recentWindowSeconds: Double
  private var index: [VLLMMetrics.Key: Int] = [:]
  /// The latest scrape's snapshot layout, reused while the scrapes keep their layout.
  private var snapshotLayout: VLLMMetrics.Layout?

  /// Creates an empty timeline. `historyLimit` bounds the points kept (a live view); `recentWindowSeconds` is
  /// the span of the sliding window summary.
  public init(historyLimit: Int? = nil, recentWindowSeconds: Double = 30) {
    self.historyLimit = historyLimit
    self.recentWindowSeconds = recentWindowSeconds
  }

  /// Seconds from the first to the latest successful scrape.
  public var spanSeconds: Double {
    guard let a = firstEpochMs, let b = lastEpochMs else { return 0 }
    return Double(b - a) / 1000
  }

  /// Adds a successful scrape taken at `epochMs` (scrapes must come in time order; an earlier or equal time
  /// gives no interval).
  public mutating func add(_ exposition: Exposition, epochMs: Int64, seq: String? = nil) {
    record(Attempt(seq: seq, epochMs: epochMs, status: "200"))
    scrapeCount += 1
    let label = seq ?? String(scrapeCount + failureCount)
    for issue in exposition.issues where issues.count < 1000 { issues.append((label, issue)) }
    let isFirst = firstEpochMs == nil
    if isFirst { firstEpochMs = epochMs }
    lastEpochMs = epochMs
    let start = firstEpochMs ?? epochMs
    for snap in VLLMMetrics.snapshots(exposition, layout: &snapshotLayout) {
      let key = VLLMMetrics.Key(model: snap.model, engine: snap.engine)
      let i: Int
      if let known = index[key] {
        i = known
      } else {
        i = engines.count
        index[key] = i
        engines.append(
          EngineTimeline(model: snap.model, engine: snap.engine, epochMs: epochMs, presentAtStart: isFirst))
      }
      Self.update(
        &engines[i], with: snap, epochMs: epochMs, offset: Double(epochMs - start) / 1000, seq: attempts.last?.seq,
        historyLimit: historyLimit, recentWindowSeconds: recentWindowSeconds)
    }
  }

  /// Adds a failed attempt (a gap in the timeline).
  public mutating func addFailure(epochMs: Int64, status: String, seq: String? = nil) {
    record(Attempt(seq: seq, epochMs: epochMs, status: status))
    failureCount += 1
  }

  private mutating func record(_ a: Attempt) {
    attempts.append(a)
    if let limit = historyLimit, attempts.count > limit { attempts.removeFirst(attempts.count - limit) }
  }

  /// Static, so that updating one engine in place does not copy the timeline (and with it every engine).
  private static func update(
    _ e: inout EngineTimeline, with snap: VLLMSnapshot, epochMs: Int64, offset: Double, seq: String?,
    historyLimit: Int?, recentWindowSeconds: Double
  ) {
    var point = TimelinePoint(
      seq: seq, epochMs: epochMs, offsetSeconds: offset, running: snap.value(.requestsRunning),
      waiting: snap.value(.requestsWaiting), kvCacheUsagePct: snap.value(.kvCacheUsage).map { $0 * 100 })
    if let previous = e.last {
      if epochMs > e.lastEpochMs {
        var summary = WindowAnalysis.summary(
          before: previous, after: snap, Double(epochMs - e.lastEpochMs) / 1000, evidence: false)
        summary.cacheConfig = nil
        point.interval = summary
      }
      let (inc, resets) = snap.increase(since: previous)
      e.accumulated.accumulate(inc)
      for r in resets where !e.resetCounters.contains(r) { e.resetCounters.append(r) }
    } else if !e.presentAtStart {
      // An engine that appeared after the first scrape started inside the timeline: it counts whole.
      e.accumulated.accumulate(snap.increase(since: nil).increase)
    } else {
      e.accumulated.accumulate(Self.gaugesOnly(snap))
    }
    e.last = snap
    e.lastEpochMs = epochMs
    e.points.append(point)
    if let limit = historyLimit, e.points.count > limit { e.points.removeFirst(e.points.count - limit) }
    e.recent.append((epochMs, snap))
    // Keep the newest snapshot at least `recentWindowSeconds` old as the window's start.
    let horizon = epochMs - Int64(recentWindowSeconds * 1000)
    while e.recent.count > 2 && e.recent[1].epochMs <= horizon { e.recent.removeFirst() }
  }

  /// The snapshot with its counters and histograms removed: the baseline of an engine present at the start.
  static func gaugesOnly(_ s: VLLMSnapshot) -> VLLMSnapshot {
    var out = s
    out.values = s.values.filter { !VLLMSnapshot.isCounter($0.key) }
    out.byLabel = s.byLabel.filter { !VLLMSnapshot.isCounter($0.key) }
    out.histograms = [:]
    return out
  }

  /// One summary per engine for the whole timeline: counters and latency quantiles from the summed interval
  /// increases, rates over ``spanSeconds``, gauges at the engine's latest scrape, restarted counters listed.
  public func wholeSummaries() -> [EngineSummary] {
    engines.map { e in
      var out = WindowAnalysis.summary(
        before: VLLMSnapshot(model: e.model, engine: e.engine), after: e.accumulated, spanSeconds)
      out.resetCounters = e.resetCounters
      return out
    }
  }

  /// One summary per engine over the sliding window: from the newest scrape at least
  /// ``recentWindowSeconds`` old (or the oldest kept) to the latest; nil for an engine seen only once.
  public func recentSummaries() -> [EngineSummary?] {
    engines.map { e in
      guard let first = e.recent.first, let last = e.recent.last, last.epochMs > first.epochMs else { return nil }
      return WindowAnalysis.summary(
        before: first.snapshot, after: last.snapshot, Double(last.epochMs - first.epochMs) / 1000)
    }
  }

  /// Findings over the whole timeline, most severe first.
  public func findings(_ thresholds: MetricsFindingThresholds = MetricsFindingThresholds()) -> [Finding] {
    MetricsFindingRules.evaluate(wholeSummaries(), thresholds: thresholds)
  }
}
