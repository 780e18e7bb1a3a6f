import ProfileMateCore

/// The table `profilemate roofline` reports: a GPU's peaks and the bounds of a model's steps over batch sizes and
/// contexts (computed by the application library from the perf model).
public struct RooflineTable: Sendable {
  /// One cell: a batch size at a context (decode) or cached length (prefill).
  public struct Row: Sendable, Equatable {
    public var batch: Int
    public var context: Int
    public var point: RooflinePoint

    /// Creates a row.
    public init(batch: Int, context: Int, point: RooflinePoint) {
      self.batch = batch
      self.context = context
      self.point = point
    }
  }

  /// Where decode turns compute-bound at one context (nil: never, up to the search limit).
  public struct Crossover: Sendable, Equatable {
    public var context: Int
    public var batch: Int?

    /// Creates a crossover.
    public init(context: Int, batch: Int?) {
      self.context = context
      self.batch = batch
    }
  }

  /// The config path, as given.
  public var config: String
  /// The GPU.
  public var gpu: GPUSpec
  /// Peak FLOP/s at the compute dtype.
  public var peakFLOPS: Double
  /// The dtype the peak is for.
  public var computeDtype: String
  public var tp: Int
  public var pp: Int
  /// New tokens per request of prefill steps; nil for decode.
  public var prefill: Int?
  /// The largest batch.
  public var maxBatch: Int
  /// The cells, context by context, batch by batch.
  public var rows: [Row]
  /// Decode only: one per context.
  public var crossovers: [Crossover]

  /// Creates a table.
  public init(
    config: String, gpu: GPUSpec, peakFLOPS: Double, computeDtype: String, tp: Int, pp: Int, prefill: Int?,
    maxBatch: Int, rows: [Row], crossovers: [Crossover]
  ) {
    self.config = config
    self.gpu = gpu
    self.peakFLOPS = peakFLOPS
    self.computeDtype = computeDtype
    self.tp = tp
    self.pp = pp
    self.prefill = prefill
    self.maxBatch = maxBatch
    self.rows = rows
    self.crossovers = crossovers
  }

  /// The best decode tokens/s at `context` over the table's batches.
  public func bestTokensPerSecond(context: Int) -> Double? {
    rows.filter { $0.context == context }.compactMap(\.point.tokensPerSecond).max()
  }
}
