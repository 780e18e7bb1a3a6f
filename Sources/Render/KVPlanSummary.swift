import PerfModel

/// Everything `profilemate kv` reports, computed (by the application library's KV budget) and ready to render.
public struct KVPlanSummary: Sendable {
  /// Where the KV budget came from.
  public enum Budget: Sendable, Equatable {
    /// `--kv-cache-memory-bytes`.
    case givenBytes(Int)
    /// `--available-kv-gib`.
    case givenGiB(Double)
    /// A log's "Available KV cache memory" line.
    case logged(gib: Double, line: Int)
    /// The GPU's datasheet memory × utilisation − weights − the assumed overhead.
    case datasheet(gpu: String, memoryBytes: Double, utilization: Double, requestedBytes: Double, overheadGiB: Double)
  }

  /// One `--max-model-len` row of the capacity table.
  public struct Row: Sendable, Equatable {
    /// The context length.
    public var maxModelLen: Int
    /// KV blocks one request of that length needs.
    public var blocksPerRequest: Int
    /// Requests of that length the pool holds at once.
    public var concurrency: Double
    /// The KV cache size in tokens as vLLM prints it (by the chosen token rule).
    public var capacityTokens: Int
    /// ``concurrency`` capped by `--max-num-seqs`, when given.
    public var cappedConcurrency: Double?

    /// Creates a row.
    public init(maxModelLen: Int, blocksPerRequest: Int, concurrency: Double, capacityTokens: Int, capped: Double?) {
      self.maxModelLen = maxModelLen
      self.blocksPerRequest = blocksPerRequest
      self.concurrency = concurrency
      self.capacityTokens = capacityTokens
      self.cappedConcurrency = capped
    }
  }

  /// What a `--log` of a run shows against the plan.
  public struct Observed: Sendable {
    /// The log's name for the heading.
    public var source: String
    /// vLLM's "KV cache size: N tokens" and its line.
    public var vllmTokens: (value: Int, line: Int)?
    /// vLLM's "Maximum concurrency for N tokens per request: X" (X, N).
    public var vllmConcurrency: (value: Double, tokens: Int)?
    /// The peak KV usage and what it means; nil when the log has no KV usage.
    public var fit: KVTrafficFit?
    /// The utilisation that would have sufficed, with the GPU's name, the run's utilisation and whether it was
    /// assumed; nil without `--gpu`.
    public var utilization: (value: Double, gpu: String, run: Double, assumed: Bool)?
    /// `max_position_embeddings`, capping suggested lengths.
    public var maxPositionEmbeddings: Int?
    /// The run's max_model_len.
    public var runMaxModelLen: Int?

    /// Creates the observed part.
    public init(source: String) { self.source = source }
  }

  /// The config path, as given.
  public var config: String
  /// Tensor- and pipeline-parallel sizes.
  public var tp: Int
  public var pp: Int
  /// The KV layout.
  public var plan: KVCachePlan
  /// The weights' estimate per GPU.
  public var weights: WeightEstimate
  /// Where the budget came from.
  public var budget: Budget
  /// The KV budget in bytes per GPU.
  public var availableBytes: Int
  /// KV blocks the budget holds.
  public var blocks: Int
  /// The capacity table.
  public var rows: [Row]
  /// Whether `--max-num-seqs` was given (adds a column).
  public var hasMaxNumSeqs: Bool
  /// Whether the pool cannot hold one request of the longest length (vLLM would not start).
  public var cannotHoldOneRequest: Bool
  /// The run of `--log`, when given.
  public var observed: Observed?

  /// Creates a summary.
  public init(
    config: String, tp: Int, pp: Int, plan: KVCachePlan, weights: WeightEstimate, budget: Budget,
    availableBytes: Int, blocks: Int, rows: [Row], hasMaxNumSeqs: Bool, cannotHoldOneRequest: Bool,
    observed: Observed?
  ) {
    self.config = config
    self.tp = tp
    self.pp = pp
    self.plan = plan
    self.weights = weights
    self.budget = budget
    self.availableBytes = availableBytes
    self.blocks = blocks
    self.rows = rows
    self.hasMaxNumSeqs = hasMaxNumSeqs
    self.cannotHoldOneRequest = cannotHoldOneRequest
    self.observed = observed
  }
}
