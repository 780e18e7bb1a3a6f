/// Counts of per-request and HTTP lines (too many to keep one by one).
public struct RequestCounters: Sendable, Equatable {
  /// `Received request …` lines.
  public var received = 0
  /// `Added request …` lines.
  public var added = 0
  /// `Finished request …` lines.
  public var finished = 0
  /// `Aborted request …` lines.
  public var aborted = 0
  /// HTTP access lines by status class (`2xx`, `4xx`, …).
  public var httpByStatusClass: [String: Int] = [:]
  /// HTTP access lines to generation endpoints (`/v1/completions`, `/v1/chat/completions`, …).
  public var httpGenerationRequests = 0

  /// Creates zeroed counters.
  public init() {}
}

/// Everything read from one input, before analysis.
public struct RunModel: Sendable, Equatable {
  /// A name for the input (its path, or `-`).
  public var source: String
  /// Configuration and start-up facts.
  public var config = EngineConfig()
  /// Per-engine traces, ordered by engine index.
  public var engines: [EngineTrace] = []
  /// Stats lines aggregated over several engines (`N Engines Aggregated:`).
  public var aggregatedStats: [StatsSample] = []
  /// Notable events, at most ``eventLimit`` per kind (the counts stay exact).
  public var events: [LogEvent] = []
  /// Exact event counts by kind.
  public var eventCounts: [LogEvent.Kind: Int] = [:]
  /// The highest `total_num_cumulative_preemption=N` of V0 preemption warnings.
  public var v0CumulativePreemptions: Int?
  /// Request and HTTP counters.
  public var requests = RequestCounters()
  /// What the reader understood.
  public var coverage = Coverage()
  /// The span of timestamps in seconds (first to last), when any.
  public var timeSpanSeconds: Double?
  /// The load generator's result, when the input was a run directory holding one.
  public var benchmark: BenchmarkResult?

  /// Events kept per kind.
  public static let eventLimit = 1000

  /// Creates an empty model for `source`.
  public init(source: String) {
    self.source = source
  }

  /// The trace for engine `index`, if any.
  public func engine(_ index: Int) -> EngineTrace? {
    engines.first { $0.index == index }
  }
}
