/// Where a step's wall-clock time is known: step `index` was logged at `time`.
public struct StepTimeAnchor: Sendable, Equatable {
  /// Index into ``EngineTrace/steps``.
  public var index: Int32
  /// Seconds since the first timestamp of the input.
  public var time: Float

  /// Creates an anchor.
  public init(index: Int32, time: Float) {
    self.index = index
    self.time = time
  }
}

/// Everything one engine (one data-parallel rank's EngineCore) reported.
public struct EngineTrace: Sendable, Equatable {
  /// The engine index (`Engine 000` → 0, `EngineCore_DP1` → 1).
  public var index: Int
  /// Engine steps in log order, one per iteration line.
  public var steps = StepStore()
  /// One anchor per distinct timestamp second among the steps.
  public var stepTimes: [StepTimeAnchor] = []
  /// First and last line of the iteration lines.
  public var firstStepLine: LineNumber?
  /// The last iteration line.
  public var lastStepLine: LineNumber?
  /// The line of the slowest step.
  public var slowestStepLine: LineNumber?
  /// The highest KV-cache usage an iteration line reported (v0.26+ suffix), in percent.
  public var maxStepKVUsagePct: Sourced<Double>?
  /// Periodic stats lines.
  public var stats: [StatsSample] = []
  /// CUDA-graph padding tables.
  public var cudagraphTables: [CudaGraphTable] = []
  /// MFU lines.
  public var mfu: [MFUSample] = []
  /// `MFU details:` JSON blocks seen (DEBUG, `VLLM_DEBUG_MFU_METRICS=1`).
  public var mfuDetailBlocks: Int = 0
  /// Spec-decode lines seen.
  public var specDecodeLines: Int = 0

  /// Creates an empty trace for engine `index`.
  public init(index: Int) {
    self.index = index
  }
}
