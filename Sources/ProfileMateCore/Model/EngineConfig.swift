/// The engine's configuration and start-up facts, as far as the input shows them.
///
/// Every fact is optional (absent from the input means `nil`, never a default) and
/// carries the line it was read from.
public struct EngineConfig: Sendable, Equatable {
  /// vLLM's version string as printed (`0.15.0`, `0.5.2.dev1210+g6f078ea3c`).
  public var vllmVersion: Sourced<String>?
  /// `V0` or `V1`, from the config line's wording.
  public var engineGeneration: Sourced<String>?
  /// The model path or name.
  public var model: Sourced<String>?
  /// The served model name, when set.
  public var servedModelName: Sourced<String>?
  /// The model dtype without the `torch.` prefix (`bfloat16`).
  public var dtype: Sourced<String>?
  /// The quantization method (`mxfp4`, `fp8`), nil when `None`.
  public var quantization: Sourced<String>?
  /// Tensor-parallel size.
  public var tensorParallelSize: Sourced<Int>?
  /// Pipeline-parallel size.
  public var pipelineParallelSize: Sourced<Int>?
  /// Data-parallel size.
  public var dataParallelSize: Sourced<Int>?
  /// The effective max_model_len (`max_seq_len=` in the config line, or `Using max model len`).
  public var maxModelLen: Sourced<Int>?
  /// The scheduler's token budget per step.
  public var maxNumBatchedTokens: Sourced<Int>?
  /// The maximum number of concurrently running requests, when printed.
  public var maxNumSeqs: Sourced<Int>?
  /// The KV-cache dtype (`auto`, `fp8`).
  public var kvCacheDtype: Sourced<String>?
  /// KV-cache block size in tokens, when printed.
  public var blockSize: Sourced<Int>?
  /// gpu_memory_utilization, when printed.
  public var gpuMemoryUtilization: Sourced<Double>?
  /// Whether automatic prefix caching is on.
  public var enablePrefixCaching: Sourced<Bool>?
  /// Whether chunked prefill is on.
  public var enableChunkedPrefill: Sourced<Bool>?
  /// Whether CUDA graphs are disabled (`--enforce-eager`).
  public var enforceEager: Sourced<Bool>?
  /// The device (`cuda`, `cpu`), from `device_config=`.
  public var device: Sourced<String>?
  /// The CUDA-graph mode name (`FULL_AND_PIECEWISE`, `PIECEWISE`, `NONE`, …).
  public var cudagraphMode: Sourced<String>?
  /// The CUDA-graph capture sizes, ascending.
  public var cudagraphCaptureSizes: Sourced<[Int]>?
  /// The largest capture size (`max_cudagraph_capture_size` / `max_capture_size`).
  public var maxCudagraphCaptureSize: Sourced<Int>?
  /// The attention backend (`FLASH_ATTN`, `FLASHINFER`, `TRITON_ATTN`, …).
  public var attentionBackend: Sourced<String>?
  /// Speculative decoding configuration as printed, when not `None`.
  public var speculativeConfig: Sourced<String>?
  /// KV-cache capacity in tokens (`GPU KV cache size: N tokens`, or blocks × block size in V0).
  public var kvCacheTokens: Sourced<Int>?
  /// KV-cache blocks (`# GPU blocks: N`, `num_gpu_blocks is: N`).
  public var kvCacheBlocks: Sourced<Int>?
  /// The request length the concurrency line refers to.
  public var maxConcurrencyTokens: Sourced<Int>?
  /// Maximum concurrency at that length (`Maximum concurrency for L tokens per request: Nx`).
  public var maxConcurrency: Sourced<Double>?
  /// Memory available for the KV cache per worker, in GiB.
  public var availableKVCacheGiB: Sourced<Double>?
  /// Memory taken by the model weights per worker, in GiB.
  public var modelLoadGiB: Sourced<Double>?
  /// Model loading time in seconds.
  public var modelLoadSeconds: Sourced<Double>?
  /// CUDA-graph capture time in seconds.
  public var graphCaptureSeconds: Sourced<Double>?
  /// CUDA-graph capture memory in GiB.
  public var graphCaptureGiB: Sourced<Double>?
  /// Engine initialisation time (profile, KV cache, warm-up) in seconds.
  public var engineInitSeconds: Sourced<Double>?
  /// The `non-default args` dict (or V0 `args: Namespace(...)`) as key → printed value.
  public var nonDefaultArgs: [String: String]
  /// The line of the `non-default args` dict.
  public var nonDefaultArgsLine: LineNumber?
  /// `Instantiated ComponentMetrics [name] with (k=v …)`: component → parameters.
  public var componentMetrics: [String: [String: String]]
  /// Observability switches read from `observability_config=` or the args.
  public var observability: ObservabilitySwitches

  /// Creates an empty configuration.
  public init() {
    nonDefaultArgs = [:]
    componentMetrics = [:]
    observability = ObservabilitySwitches()
  }
}

/// Which optional vLLM outputs were switched on, when the log says so.
public struct ObservabilitySwitches: Sendable, Equatable {
  /// `--enable-logging-iteration-details`.
  public var iterationDetails: Bool?
  /// `--cudagraph-metrics`.
  public var cudagraphMetrics: Bool?
  /// `--enable-mfu-metrics`.
  public var mfuMetrics: Bool?
  /// `--enable-log-requests` (or `--disable-log-requests` off).
  public var logRequests: Bool?
  /// `--disable-log-stats`.
  public var disableLogStats: Bool?
  /// `VLLM_DEBUG_MFU_METRICS=1` evidence (an `MFU details` block or the v0.30+ crash).
  public var debugMFU: Bool?

  /// Creates switches with nothing known.
  public init() {}
}
