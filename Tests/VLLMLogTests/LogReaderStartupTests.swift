import ProfileMateCore
import Testing
import VLLMLog

/// KV-capacity lines (spec §7) and the engine-configuration and start-up lines (spec §8).
@Suite struct LogReaderStartupTests {
  private static let p = "INFO 05-13 10:00:00 [kv_cache_utils.py:1087] "

  @Test(arguments: [
    (
      "GPU KV cache size: 1,234,560 tokens, Maximum concurrency for 32,768 tokens per request: 37.68x",
      1_234_560, 32_768, 37.68
    ),
    (
      "CPU KV cache size: 1,048,576 tokens, Maximum concurrency for 2,048 tokens per request: 512.00x",
      1_048_576, 2048, 512.0
    ),
    ("XPU KV cache size: 500 tokens, Maximum concurrency for 100 tokens per request: 5.00x", 500, 100, 5.0),
    (
      "GPU + host KV cache size: 2,000,000 tokens, Maximum concurrency for 8,192 tokens per request: 244.14x",
      2_000_000, 8192, 244.14
    ),
  ])
  func mergedCapacityLine(message: String, tokens: Int, length: Int, concurrency: Double) {
    let m = Snippet.read([Self.p + message])
    #expect(m.config.kvCacheTokens == Sourced(tokens, line: 1))
    #expect(m.config.maxConcurrencyTokens?.value == length)
    #expect(m.config.maxConcurrency?.value == concurrency)
    #expect(m.coverage.byKind["kv_capacity"] == 1)
  }

  @Test func twoLineCapacityForm() {
    let m = Snippet.read([
      Self.p + "GPU KV cache size: 98,304 tokens",
      Self.p + "Maximum concurrency for 4,096 tokens per request: 24.00x",
    ])
    #expect(m.config.kvCacheTokens == Sourced(98_304, line: 1))
    #expect(m.config.maxConcurrency == Sourced(24.0, line: 2))
    #expect(m.config.maxConcurrencyTokens?.value == 4096)
  }

  @Test func v073ConcurrencyWithoutSeparators() {
    let m = Snippet.read([Self.p + "Maximum concurrency for 4096 tokens per request: 24.50x"])
    #expect(m.config.maxConcurrency?.value == 24.5)
    #expect(m.config.maxConcurrencyTokens?.value == 4096)
  }

  @Test func v0BlocksTimesBlockSize() {
    let m = Snippet.read([
      "INFO 05-13 10:00:00 arg_utils.py:1] non-default args: {'model': 'facebook/opt-1.3b', 'block_size': 16, "
        + "'max_num_seqs': 128, 'max_num_batched_tokens': 4096, 'enable_mfu_metrics': True}",
      "INFO 05-13 10:00:00 executor_base.py:1] # GPU blocks: 1000, # CPU blocks: 512",
    ])
    #expect(m.config.kvCacheBlocks?.value == 1000)
    #expect(m.config.blockSize?.value == 16)
    // 1000 blocks × 16 tokens
    #expect(m.config.kvCacheTokens?.value == 16_000)
    #expect(m.config.maxNumSeqs == Sourced(128, line: 1))
    #expect(m.config.maxNumBatchedTokens?.value == 4096)
    #expect(m.config.observability.mfuMetrics == true)
  }

  @Test func availableKVMemoryAndLoadFigures() {
    let m = Snippet.read([
      "INFO 05-13 10:00:00 [gpu_worker.py:1] Available KV cache memory: 61.52 GiB",
      "INFO 05-13 10:00:00 [gpu_model_runner.py:1] Model loading took 14.99 GiB memory and 5.123456 seconds",
      "INFO 05-13 10:00:00 [gpu_model_runner.py:1] Graph capturing finished in 4 secs, took 0.52 GiB",
    ])
    #expect(m.config.availableKVCacheGiB?.value == 61.52)
    #expect(m.config.modelLoadGiB?.value == 14.99)
    #expect(m.config.modelLoadSeconds?.value == 5.123456)
    #expect(m.config.graphCaptureSeconds?.value == 4)
    #expect(m.config.graphCaptureGiB?.value == 0.52)
  }

  @Test func v1EngineConfigLinePythonDictCompilationConfig() {
    let m = Snippet.read([
      "INFO 05-13 10:00:00 [model.py:1] Using max model len 4096",
      "(EngineCore_DP0 pid=2) INFO 05-13 10:00:01 [core.py:77] Initializing a V1 LLM engine (v0.11.1) with config: "
        + "model='meta-llama/Llama-3.1-8B', speculative_config=None, tokenizer='meta-llama/Llama-3.1-8B', "
        + "skip_tokenizer_init=False, tokenizer_mode=auto, revision=None, tokenizer_revision=None, "
        + "trust_remote_code=False, dtype=torch.bfloat16, max_seq_len=8192, download_dir=None, load_format=auto, "
        + "tensor_parallel_size=2, pipeline_parallel_size=1, data_parallel_size=1, "
        + "disable_custom_all_reduce=False, quantization=fp8, enforce_eager=False, kv_cache_dtype=auto, "
        + "device_config=cuda, structured_outputs_config=StructuredOutputsConfig(backend='auto', "
        + "disable_any_whitespace=False), observability_config=ObservabilityConfig("
        + "show_hidden_metrics_for_version=None, otlp_traces_endpoint=None, cudagraph_metrics=True, "
        + "enable_mfu_metrics=False, enable_logging_iteration_details=True), seed=0, served_model_name=llama, "
        + "enable_prefix_caching=True, enable_chunked_prefill=True, pooler_config=None, "
        + "compilation_config={'level': 3, 'cudagraph_mode': <CUDAGraphMode.FULL_AND_PIECEWISE: (2, 1)>, "
        + "'cudagraph_capture_sizes': [1, 2, 4, 8, 16], 'max_cudagraph_capture_size': 16}",
    ])
    let c = m.config
    #expect(c.vllmVersion == Sourced("0.11.1", line: 2))
    #expect(c.engineGeneration?.value == "V1")
    #expect(c.model?.value == "meta-llama/Llama-3.1-8B")
    #expect(c.servedModelName?.value == "llama")
    #expect(c.dtype?.value == "bfloat16")
    // The config line is authoritative: it replaces the earlier `Using max model len`.
    #expect(c.maxModelLen == Sourced(8192, line: 2))
    #expect(c.tensorParallelSize?.value == 2)
    #expect(c.dataParallelSize?.value == 1)
    #expect(c.quantization?.value == "fp8")
    #expect(c.enforceEager?.value == false)
    #expect(c.device?.value == "cuda")
    #expect(c.enablePrefixCaching?.value == true)
    #expect(c.enableChunkedPrefill?.value == true)
    #expect(c.speculativeConfig == nil)
    #expect(c.cudagraphMode?.value == "FULL_AND_PIECEWISE")
    #expect(c.cudagraphCaptureSizes?.value == [1, 2, 4, 8, 16])
    #expect(c.maxCudagraphCaptureSize?.value == 16)
    #expect(c.observability.cudagraphMetrics == true)
    #expect(c.observability.mfuMetrics == false)
    #expect(c.observability.iterationDetails == true)
  }

  @Test func v010EngineConfigLineJSONCompilationConfig() {
    let m = Snippet.read([
      "INFO 05-13 10:00:01 [core.py:77] Initializing a V1 LLM engine (v0.10.1.1) with config: "
        + "model='openai/gpt-oss-120b', speculative_config=None, dtype=torch.bfloat16, max_seq_len=131072, "
        + "tensor_parallel_size=4, quantization=mxfp4, enforce_eager=False, device_config=cuda, seed=0, "
        + "compilation_config={\"level\":3,\"cudagraph_mode\":[2,1],"
        + "\"cudagraph_capture_sizes\":[16,8,4,2,1],\"max_capture_size\":16}"
    ])
    let c = m.config
    #expect(c.vllmVersion?.value == "0.10.1.1")
    #expect(c.maxModelLen?.value == 131_072)
    #expect(c.quantization?.value == "mxfp4")
    #expect(c.cudagraphMode?.value == "FULL_AND_PIECEWISE")
    // Printed descending before v0.11.1; kept ascending.
    #expect(c.cudagraphCaptureSizes?.value == [1, 2, 4, 8, 16])
    #expect(c.maxCudagraphCaptureSize?.value == 16)
  }

  @Test func v0EngineConfigLine() {
    let m = Snippet.read([
      "INFO 05-13 10:00:01 llm_engine.py:237] Initializing an LLM engine (v0.6.3) with config: "
        + "model='facebook/opt-1.3b', speculative_config=None, tokenizer='facebook/opt-1.3b', "
        + "dtype=torch.float16, max_seq_len=2048, tensor_parallel_size=1, pipeline_parallel_size=1, "
        + "quantization=None, enforce_eager=True, kv_cache_dtype=auto, device_config=cuda, seed=0, "
        + "served_model_name=facebook/opt-1.3b, enable_prefix_caching=False"
    ])
    let c = m.config
    #expect(c.engineGeneration?.value == "V0")
    #expect(c.vllmVersion?.value == "0.6.3")
    #expect(c.dtype?.value == "float16")
    #expect(c.quantization == nil)
    #expect(c.enforceEager?.value == true)
    // enforce_eager without a compilation config means no CUDA graphs.
    #expect(c.cudagraphMode?.value == "NONE")
  }

  @Test func otherStartupFacts() {
    let m = Snippet.read([
      "INFO 05-13 10:00:00 [api_server.py:1] vLLM API server version 0.9.2",
      "INFO 05-13 10:00:00 [scheduler.py:1] Chunked prefill is enabled with max_num_batched_tokens=8192.",
      "INFO 05-13 10:00:00 [cuda.py:1] Using FLASH_ATTN attention backend out of potential backends: ['FLASH_ATTN'].",
    ])
    #expect(m.config.vllmVersion?.value == "0.9.2")
    #expect(m.config.maxNumBatchedTokens == Sourced(8192, line: 2))
    #expect(m.config.enableChunkedPrefill?.value == true)
    #expect(m.config.attentionBackend?.value == "FLASH_ATTN")
    #expect(m.coverage.unrecognized == 0)
  }
}
