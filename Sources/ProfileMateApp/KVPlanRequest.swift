/// What `profilemate kv` is asked: a config, a layout, a GPU or a known budget, and optionally a log of a run.
public struct KVPlanRequest: Sendable, Equatable {
  /// The model's config.json.
  public var config: String
  /// The GPU's name, when given.
  public var gpu: String?
  public var tp = 1
  public var pp = 1
  /// vLLM's `--gpu-memory-utilization`.
  public var gpuMemoryUtilization = 0.9
  public var dtype = "auto"
  public var kvCacheDtype = "auto"
  public var blockSize = 16
  /// Context lengths to evaluate (nil: the config's max_position_embeddings).
  public var maxModelLens: [Int]?
  public var maxNumSeqs: Int?
  public var maxNumBatchedTokens = 8192
  /// Assumed non-weight, non-KV memory per GPU.
  public var overheadGiB = 2.0
  /// A known budget, in bytes or GiB.
  public var kvCacheMemoryBytes: Int?
  public var availableKVGiB: Double?
  /// Count tokens as vLLM up to v0.20 did.
  public var v020TokenRule = false
  /// A log of a run of this model.
  public var log: String?
  /// Headroom added to the observed peak.
  public var headroom = 0.2

  /// A request for `config` with vLLM's defaults.
  public init(config: String) { self.config = config }

  /// The largest `--max-model-len` accepted.
  public static let maxLength = 1 << 30
}
