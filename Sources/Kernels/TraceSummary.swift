/// What a torch-profiler trace says: operators, steps, CPU against device time.
public struct TraceSummary: Sendable, Equatable {
  /// Trace events read (every phase).
  public var events: Int
  /// Complete (`X`) events of the categories the breakdown uses.
  public var kept: Int
  /// Bytes of JSON read.
  public var bytes: Int
  /// The vLLM version the trace names (`vllm_version`), when it names one.
  public var vllmVersion: String?
  /// From the first event's start to the last one's end, ns.
  public var spanNS: Int64
  /// Top-level operator time on all CPU threads, ns.
  public var cpuOpNS: Int64
  /// Kernel, copy and set time on devices, ns.
  public var deviceNS: Int64
  /// Device events.
  public var deviceEvents: Int
  /// Device events assigned to a step through the runtime call that launched them (Kineto's correlation);
  /// the others are assigned by their own start time.
  public var deviceEventsMatchedToLaunches: Int
  /// Operators by self time, longest first.
  public var ops: [TraceOpSummary]
  /// `ProfilerStep#N` ranges in order.
  public var steps: [TraceStep]
  /// Events of other categories (`python_function`, `cuda_runtime`, …): category → count.
  public var otherCategories: [String: Int]
}
