import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// Configuration and start-up facts (`engine`).
  public struct Engine: Codable, Sendable, Equatable {
    /// `vllm_version`.
    public var vllmVersion: String?
    /// `engine_generation`.
    public var engineGeneration: String?
    /// `model`.
    public var model: String?
    /// `served_model_name`.
    public var servedModelName: String?
    /// `dtype`.
    public var dtype: String?
    /// `quantization`.
    public var quantization: String?
    /// `device`.
    public var device: String?
    /// `tensor_parallel_size`.
    public var tensorParallelSize: Int?
    /// `pipeline_parallel_size`.
    public var pipelineParallelSize: Int?
    /// `data_parallel_size`.
    public var dataParallelSize: Int?
    /// `max_model_len`.
    public var maxModelLen: Int?
    /// `max_num_batched_tokens`.
    public var maxNumBatchedTokens: Int?
    /// `max_num_seqs`.
    public var maxNumSeqs: Int?
    /// `kv_cache_dtype`.
    public var kvCacheDtype: String?
    /// `block_size`.
    public var blockSize: Int?
    /// `gpu_memory_utilization`.
    public var gpuMemoryUtilization: Double?
    /// `enable_prefix_caching`.
    public var enablePrefixCaching: Bool?
    /// `enable_chunked_prefill`.
    public var enableChunkedPrefill: Bool?
    /// `enforce_eager`.
    public var enforceEager: Bool?
    /// `cudagraph_mode`.
    public var cudagraphMode: String?
    /// `cudagraph_capture_sizes`.
    public var cudagraphCaptureSizes: [Int]?
    /// `max_cudagraph_capture_size`.
    public var maxCudagraphCaptureSize: Int?
    /// `attention_backend`.
    public var attentionBackend: String?
    /// `speculative_config`.
    public var speculativeConfig: String?
    /// `kv_cache_tokens`.
    public var kvCacheTokens: Int?
    /// `kv_cache_blocks`.
    public var kvCacheBlocks: Int?
    /// `max_concurrency`.
    public var maxConcurrency: Double?
    /// `max_concurrency_tokens`.
    public var maxConcurrencyTokens: Int?
    /// `available_kv_cache_gib`.
    public var availableKVCacheGiB: Double?
    /// `model_load_gib`.
    public var modelLoadGiB: Double?
    /// `model_load_seconds`.
    public var modelLoadSeconds: Double?
    /// `graph_capture_seconds`.
    public var graphCaptureSeconds: Double?
    /// `graph_capture_gib`.
    public var graphCaptureGiB: Double?
    /// `engine_init_seconds`.
    public var engineInitSeconds: Double?
    /// `observability`.
    public var observability: ReportDocument.Observability?
    /// `non_default_args`.
    public var nonDefaultArgs: OrderedMap<String, KeyOrder.Lexical>?
    /// `component_metrics`.
    public var componentMetrics: OrderedMap<OrderedMap<String, KeyOrder.Lexical>, KeyOrder.Lexical>?
    /// `source_lines`.
    public var sourceLines: ReportDocument.SourceLines?

    enum CodingKeys: String, CodingKey {
      case vllmVersion = "vllm_version"
      case engineGeneration = "engine_generation"
      case model
      case servedModelName = "served_model_name"
      case dtype
      case quantization
      case device
      case tensorParallelSize = "tensor_parallel_size"
      case pipelineParallelSize = "pipeline_parallel_size"
      case dataParallelSize = "data_parallel_size"
      case maxModelLen = "max_model_len"
      case maxNumBatchedTokens = "max_num_batched_tokens"
      case maxNumSeqs = "max_num_seqs"
      case kvCacheDtype = "kv_cache_dtype"
      case blockSize = "block_size"
      case gpuMemoryUtilization = "gpu_memory_utilization"
      case enablePrefixCaching = "enable_prefix_caching"
      case enableChunkedPrefill = "enable_chunked_prefill"
      case enforceEager = "enforce_eager"
      case cudagraphMode = "cudagraph_mode"
      case cudagraphCaptureSizes = "cudagraph_capture_sizes"
      case maxCudagraphCaptureSize = "max_cudagraph_capture_size"
      case attentionBackend = "attention_backend"
      case speculativeConfig = "speculative_config"
      case kvCacheTokens = "kv_cache_tokens"
      case kvCacheBlocks = "kv_cache_blocks"
      case maxConcurrency = "max_concurrency"
      case maxConcurrencyTokens = "max_concurrency_tokens"
      case availableKVCacheGiB = "available_kv_cache_gib"
      case modelLoadGiB = "model_load_gib"
      case modelLoadSeconds = "model_load_seconds"
      case graphCaptureSeconds = "graph_capture_seconds"
      case graphCaptureGiB = "graph_capture_gib"
      case engineInitSeconds = "engine_init_seconds"
      case observability
      case nonDefaultArgs = "non_default_args"
      case componentMetrics = "component_metrics"
      case sourceLines = "source_lines"
    }
  }
  // END GENERATED
}

extension ReportDocument.Engine {
  /// The facts of `c`; nil where the log does not state them.
  init(_ c: EngineConfig) {
    self.init(
      vllmVersion: c.vllmVersion?.value, engineGeneration: c.engineGeneration?.value, model: c.model?.value,
      servedModelName: c.servedModelName?.value, dtype: c.dtype?.value, quantization: c.quantization?.value,
      device: c.device?.value, tensorParallelSize: c.tensorParallelSize?.value,
      pipelineParallelSize: c.pipelineParallelSize?.value, dataParallelSize: c.dataParallelSize?.value,
      maxModelLen: c.maxModelLen?.value, maxNumBatchedTokens: c.maxNumBatchedTokens?.value,
      maxNumSeqs: c.maxNumSeqs?.value, kvCacheDtype: c.kvCacheDtype?.value, blockSize: c.blockSize?.value,
      gpuMemoryUtilization: c.gpuMemoryUtilization?.value, enablePrefixCaching: c.enablePrefixCaching?.value,
      enableChunkedPrefill: c.enableChunkedPrefill?.value, enforceEager: c.enforceEager?.value,
      cudagraphMode: c.cudagraphMode?.value, cudagraphCaptureSizes: c.cudagraphCaptureSizes?.value,
      maxCudagraphCaptureSize: c.maxCudagraphCaptureSize?.value, attentionBackend: c.attentionBackend?.value,
      speculativeConfig: c.speculativeConfig?.value, kvCacheTokens: c.kvCacheTokens?.value,
      kvCacheBlocks: c.kvCacheBlocks?.value, maxConcurrency: c.maxConcurrency?.value,
      maxConcurrencyTokens: c.maxConcurrencyTokens?.value, availableKVCacheGiB: c.availableKVCacheGiB?.value,
      modelLoadGiB: c.modelLoadGiB?.value, modelLoadSeconds: c.modelLoadSeconds?.value,
      graphCaptureSeconds: c.graphCaptureSeconds?.value, graphCaptureGiB: c.graphCaptureGiB?.value,
      engineInitSeconds: c.engineInitSeconds?.value, observability: ReportDocument.Observability(c.observability),
      nonDefaultArgs: OrderedMap(c.nonDefaultArgs.map { ($0.key, $0.value) }),
      componentMetrics: OrderedMap(
        c.componentMetrics.map { ($0.key, OrderedMap($0.value.map { ($0.key, $0.value) })) }),
      sourceLines: ReportDocument.SourceLines(c))
  }
}
