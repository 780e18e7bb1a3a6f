/// The thresholds the finding rules use; each is a documented default a user may change.
public struct FindingThresholds: Sendable, Equatable {
  /// Share of stats samples with waiting requests above which queueing is reported (percent).
  public var queueingSharePct = 20.0
  /// Peak KV-cache usage above which KV pressure is reported (percent).
  public var kvPressurePct = 90.0
  /// Peak KV-cache usage below which the cache is called over-provisioned (percent).
  public var kvOverprovisionedPct = 25.0
  /// Share of step time in one phase above which the run is called dominated by it (percent).
  public var dominantPhaseSharePct = 70.0
  /// Median mixed step ÷ median decode step above which mixed steps are said to slow decodes.
  public var mixedSlowdownRatio = 3.0
  /// Minimum share of mixed steps for that rule (percent).
  public var mixedStepSharePct = 5.0
  /// CUDA-graph padding overhead above which padding is reported (percent).
  public var paddingOverheadPct = 10.0
  /// Padding overhead, in percentage points, that a fitted capture-size list must save to be reported
  /// on its own (when padding itself is below ``paddingOverheadPct``).
  public var fittedListGainPctPoints = 1.0
  /// Share of eager steps (above the largest capture size) above which they are reported (percent).
  public var eagerStepSharePct = 5.0
  /// Mean batch utilisation below which, while requests queue, batching is called poor (percent).
  public var lowBatchUtilizationPct = 25.0
  /// Measured ÷ attainable step time at or above which a step is called overhead-bound (far above both bounds).
  public var rooflineOverheadFactor = 4.0
  /// Share of step time below which a step kind gets no roofline finding (percent).
  public var rooflineKindSharePct = 5.0

  /// Creates the defaults.
  public init() {}
}
