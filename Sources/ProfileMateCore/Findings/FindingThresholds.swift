/// The thresholds of every finding rule, log and `/metrics` alike; each is a documented default a user may
/// change by name (``Threshold/name``, e.g. `--threshold kv_pressure_pct=95`). ``all`` is the table of them.
public struct FindingThresholds: Sendable, Equatable {
  // MARK: Log: scheduling and KV cache

  /// Share of stats samples with waiting requests at or above which queueing is reported (percent).
  public var queueingSharePct = 20.0
  /// Share of stats samples with waiting requests at or above which queueing is a warning (percent).
  public var queueingWarningSharePct = 50.0
  /// KV-cache usage (the log's peak, a scrape's latest reading) at or above which KV pressure is reported
  /// (percent).
  public var kvPressurePct = 90.0
  /// KV-cache usage at or above which KV pressure is a warning even without preemptions (percent).
  public var kvPressureWarningPct = 99.0
  /// Peak KV-cache usage below which the cache is called over-provisioned (percent).
  public var kvOverprovisionedPct = 25.0
  /// Stats samples needed before the cache is called over-provisioned.
  public var kvOverprovisionedMinSamples = 3.0

  // MARK: Log: prefill / decode

  /// Share of step time in one phase at or above which the run is called dominated by it (percent).
  public var dominantPhaseSharePct = 70.0
  /// Steps needed before a phase is called dominant.
  public var dominantPhaseMinSteps = 20.0
  /// Median mixed step ÷ median decode step at or above which mixed steps are said to slow decodes.
  public var mixedSlowdownRatio = 3.0
  /// Minimum share of mixed steps for that rule (percent).
  public var mixedStepSharePct = 5.0

  // MARK: Log: CUDA graphs, batching, roofline

  /// CUDA-graph padding overhead above which padding is reported (percent).
  public var paddingOverheadPct = 10.0
  /// Padding overhead, in percentage points, that a fitted capture-size list must save to be reported
  /// on its own (when padding itself is not above ``paddingOverheadPct``).
  public var fittedListGainPctPoints = 1.0
  /// Share of eager steps (above the largest capture size) at or above which they are reported (percent).
  public var eagerStepSharePct = 5.0
  /// Mean batch utilisation below which, while requests queue, batching is called poor (percent).
  public var lowBatchUtilizationPct = 25.0
  /// Measured ÷ attainable step time at or above which a step is called overhead-bound (far above both bounds).
  public var rooflineOverheadFactor = 4.0
  /// Share of step time below which a step kind gets no roofline finding (percent).
  public var rooflineKindSharePct = 5.0

  // MARK: /metrics

  /// Requests waiting (latest reading) at or above which queueing is reported.
  public var waitingRequests = 1.0
  /// Mean queue time as a share of mean end-to-end latency at or above which queueing is a warning (percent).
  public var queueTimeSharePct = 20.0
  /// Mean prefill time ÷ mean decode time (or the inverse) at or above which one phase is called the
  /// bottleneck (the guide's 10× rule).
  public var phaseRatio = 10.0
  /// Requests needed before the prefill/decode rule is applied.
  public var minRequestsForPhaseRule = 5.0
  /// Prefix-cache hit rate below which hits are called low (percent).
  public var lowPrefixHitPct = 10.0
  /// Prefix-cache queries (tokens) needed before the hit rate is judged.
  public var minPrefixQueries = 1000.0

  /// Creates the defaults.
  public init() {}
}
