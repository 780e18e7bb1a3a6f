/// The figures of one run that a comparison needs: from an analysed log (with samples of step times
/// for the bootstrap) or from a saved `analyze --json` report (figures only).
public struct RunSummary: Sendable, Equatable {
  /// Step figures of one kind.
  public struct KindFigures: Sendable, Equatable {
    /// Steps of this kind.
    public var steps: Int
    /// Median step time in ms.
    public var p50Ms: Double?
    /// 99th-percentile step time in ms.
    public var p99Ms: Double?
    /// Mean step time in ms.
    public var meanMs: Double?

    /// Creates figures.
    public init(steps: Int, p50Ms: Double?, p99Ms: Double?, meanMs: Double?) {
      self.steps = steps
      self.p50Ms = p50Ms
      self.p99Ms = p99Ms
      self.meanMs = meanMs
    }
  }

  /// The input's name.
  public var source: String
  /// Configuration as key → printed value (keys as in the JSON report's `engine`, non-default
  /// arguments as `args.NAME`).
  public var config: [String: String] = [:]
  /// Step figures per kind, for kinds with steps.
  public var kinds: [StepKind: KindFigures] = [:]
  /// All tokens ÷ total step time (tokens/s), from iteration lines.
  public var stepTokensPerSecond: Double?
  /// Mean prompt throughput over stats lines (tokens/s).
  public var promptThroughput: Double?
  /// Mean generation throughput over stats lines (tokens/s).
  public var generationThroughput: Double?
  /// The highest KV-cache usage seen, in percent.
  public var kvPeakPct: Double?
  /// CUDA-graph padding as a share of padded tokens, in percent.
  public var paddingOverheadPct: Double?
  /// Preemptions, when the log reports them.
  public var preemptions: Int?
  /// Most requests waiting at once.
  public var maxWaiting: Int?
  /// Samples of step times per kind (empty for a saved report: it holds no single steps).
  public var samples: [StepKind: StepSample] = [:]
  /// The benchmark's figures (a run directory with a benchmark result), nil otherwise.
  public var benchmark: BenchmarkFigures?
  /// The run directory's cross-checks (empty for a log alone).
  public var crossChecks: [CrossCheck] = []

  /// Creates an empty summary for `source`.
  public init(source: String) {
    self.source = source
  }

  /// The summary of an analysed run, with step samples of at most `sampleLimit` per kind.
  public init(_ a: RunAnalysis, sampleLimit: Int, seed: UInt64) {
    source = a.model.source
    config = Self.configEntries(a.model.config)
    if let s = a.steps {
      for kind in StepKind.allCases {
        guard let k = s.byKind[kind], k.count > 0 else { continue }
        kinds[kind] = KindFigures(steps: k.count, p50Ms: k.time?.p50, p99Ms: k.time?.p99, meanMs: k.time?.mean)
      }
      stepTokensPerSecond = s.tokensPerSecond
    }
    promptThroughput = a.scheduler?.meanPromptThroughput
    generationThroughput = a.scheduler?.meanGenerationThroughput
    kvPeakPct = a.capacity?.peakKVUsagePct?.value ?? a.scheduler?.maxKVUsagePct?.value
    paddingOverheadPct = a.cudagraph?.paddingOverheadPct
    preemptions = a.scheduler?.preemptions
    maxWaiting = a.scheduler?.maxWaiting?.value
    samples = StepSample.collect(
      a.model.engines, limit: sampleLimit, seed: seed, decodeQueryLen: a.model.config.decodeQueryLen)
    benchmark = a.model.benchmark.map { BenchmarkFigures($0, sampleLimit: sampleLimit, seed: seed) }
    crossChecks = a.crossChecks
  }

  /// The keys of ``configEntries(_:)`` besides `args.*` (members of the JSON report's `engine`).
  public static let configKeys: Set<String> = [
    "vllm_version", "model", "dtype", "quantization", "device", "tensor_parallel_size", "pipeline_parallel_size",
    "data_parallel_size", "max_model_len", "max_num_batched_tokens", "max_num_seqs", "kv_cache_dtype", "block_size",
    "gpu_memory_utilization", "enable_prefix_caching", "enable_chunked_prefill", "enforce_eager", "cudagraph_mode",
    "cudagraph_capture_sizes", "attention_backend", "speculative_config", "kv_cache_tokens",
  ]

  /// The configuration facts worth comparing, as text (the same spelling a saved report gives).
  public static func configEntries(_ c: EngineConfig) -> [String: String] {
    var out: [String: String] = [:]
    func put(_ key: String, _ value: String?) { if let value { out[key] = value } }
    put("vllm_version", c.vllmVersion?.value)
    put("model", c.model?.value)
    put("dtype", c.dtype?.value)
    put("quantization", c.quantization?.value)
    put("device", c.device?.value)
    put("tensor_parallel_size", c.tensorParallelSize.map { String($0.value) })
    put("pipeline_parallel_size", c.pipelineParallelSize.map { String($0.value) })
    put("data_parallel_size", c.dataParallelSize.map { String($0.value) })
    put("max_model_len", c.maxModelLen.map { String($0.value) })
    put("max_num_batched_tokens", c.maxNumBatchedTokens.map { String($0.value) })
    put("max_num_seqs", c.maxNumSeqs.map { String($0.value) })
    put("kv_cache_dtype", c.kvCacheDtype?.value)
    put("block_size", c.blockSize.map { String($0.value) })
    put("gpu_memory_utilization", c.gpuMemoryUtilization.map { number($0.value) })
    put("enable_prefix_caching", c.enablePrefixCaching.map { String($0.value) })
    put("enable_chunked_prefill", c.enableChunkedPrefill.map { String($0.value) })
    put("enforce_eager", c.enforceEager.map { String($0.value) })
    put("cudagraph_mode", c.cudagraphMode?.value)
    put("cudagraph_capture_sizes", c.cudagraphCaptureSizes.map { list($0.value) })
    put("attention_backend", c.attentionBackend?.value)
    put("speculative_config", c.speculativeConfig?.value)
    put("kv_cache_tokens", c.kvCacheTokens.map { String($0.value) })
    for (key, value) in c.nonDefaultArgs { out["args." + key] = value }
    return out
  }

  /// A number as a saved report spells it: whole values without a fraction.
  public static func number(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    return "\(x)"
  }

  /// A list of integers as text (`[1, 2, 4]`).
  public static func list(_ xs: [Int]) -> String {
    "[" + xs.map(String.init).joined(separator: ", ") + "]"
  }
}
