/// The thresholds of the `/metrics` finding rules; each is a documented default a user may change.
public struct MetricsFindingThresholds: Sendable, Equatable {
  /// Requests waiting (latest reading) at or above which queueing is reported.
  public var waitingRequests = 1.0
  /// Mean queue time as a share of mean end-to-end latency above which queueing is reported (percent).
  public var queueTimeSharePct = 20.0
  /// KV-cache usage (latest reading) at or above which KV pressure is reported (percent).
  public var kvPressurePct = 90.0
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
