/// One periodic scheduler stats line (`Avg prompt throughput: …`).
public struct StatsSample: Sendable, Equatable {
  /// Seconds since the first timestamp of the input (ordered by position; wraps handled).
  public var time: Double?
  /// The line it came from.
  public var line: LineNumber
  /// Prompt tokens/s over the interval.
  public var promptThroughput: Double
  /// Generation tokens/s over the interval.
  public var generationThroughput: Double
  /// Requests running at the end of the interval.
  public var running: Int
  /// Requests waiting (V0: `Pending`; v0.20+: includes deferred).
  public var waiting: Int
  /// V0 `Swapped` requests.
  public var swapped: Int?
  /// v0.20+ `Deferred` requests.
  public var deferred: Int?
  /// Preemptions in this interval (v0.11.1+, printed only when ≥ 1; otherwise 0: see
  /// ``SchedulerAnalysis/analyze(_:v0Preemptions:firstPreemptionWarning:preemptionsLogged:)`` for older versions).
  public var preemptions: Int
  /// Device KV-cache usage in percent.
  public var kvUsagePct: Double?
  /// V0 CPU (swap) KV-cache usage in percent.
  public var cpuKVUsagePct: Double?
  /// Prefix-cache hit rate in percent, when printed.
  public var prefixCacheHitRatePct: Double?
  /// External (connector) prefix-cache hit rate in percent, when printed.
  public var externalPrefixCacheHitRatePct: Double?
  /// `KV fetch:` stage counts (waiting to start, in progress, completed waiting), v0.32+.
  public var kvFetch: [Int]?
  /// Whether the line was logged at DEBUG (an idle interval).
  public var isDebug: Bool

  /// Creates a sample.
  public init(
    time: Double?, line: LineNumber, promptThroughput: Double, generationThroughput: Double,
    running: Int, waiting: Int
  ) {
    self.time = time
    self.line = line
    self.promptThroughput = promptThroughput
    self.generationThroughput = generationThroughput
    self.running = running
    self.waiting = waiting
    preemptions = 0
    isDebug = false
  }

  /// Whether every figure present is a finite number.
  public var hasFiniteFigures: Bool {
    promptThroughput.isFinite && generationThroughput.isFinite && (kvUsagePct?.isFinite ?? true)
      && (cpuKVUsagePct?.isFinite ?? true) && (prefixCacheHitRatePct?.isFinite ?? true)
      && (externalPrefixCacheHitRatePct?.isFinite ?? true)
  }
}
