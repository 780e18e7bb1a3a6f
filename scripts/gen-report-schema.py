#!/usr/bin/env python3
"""gen-report-schema.py — writes the property and CodingKeys boilerplate of the report document's section types
(Sources/ReportSchema/Document/*.swift, the parts between the GENERATED markers) from the table below. The table
is the schema: member order is the JSON's order; each member is optional (see ReportDocument). Types with a
custom encode(to:) (flattened members) are hand-written and not listed. Run from the repository root after
editing the table; the hand-written builders (`init(_ core: …)`) live in the same files below the markers."""
import re, sys, pathlib

D = "ReportDocument."
SECTIONS = {
  "Generator": ("The tool that wrote the report.", [
    ("name", "name", "String"), ("version", "version", "String")]),
  "GPU": ("The datasheet entry chosen with `--gpu NAME` (dense peaks).", [
    ("name", "name", "String"), ("peakBF16TFLOPS", "peak_bf16_tflops", "Double"),
    ("peakFP8TFLOPS", "peak_fp8_tflops", "Double"), ("hbmGBps", "hbm_gbps", "Double"),
    ("memoryGB", "memory_gb", "Double")]),
  "Engine": ("Configuration and start-up facts (`engine`).", [
    ("vllmVersion", "vllm_version", "String"), ("engineGeneration", "engine_generation", "String"),
    ("model", "model", "String"), ("servedModelName", "served_model_name", "String"), ("dtype", "dtype", "String"),
    ("quantization", "quantization", "String"), ("device", "device", "String"),
    ("tensorParallelSize", "tensor_parallel_size", "Int"), ("pipelineParallelSize", "pipeline_parallel_size", "Int"),
    ("dataParallelSize", "data_parallel_size", "Int"), ("maxModelLen", "max_model_len", "Int"),
    ("maxNumBatchedTokens", "max_num_batched_tokens", "Int"), ("maxNumSeqs", "max_num_seqs", "Int"),
    ("kvCacheDtype", "kv_cache_dtype", "String"), ("blockSize", "block_size", "Int"),
    ("gpuMemoryUtilization", "gpu_memory_utilization", "Double"),
    ("enablePrefixCaching", "enable_prefix_caching", "Bool"), ("enableChunkedPrefill", "enable_chunked_prefill", "Bool"),
    ("enforceEager", "enforce_eager", "Bool"), ("cudagraphMode", "cudagraph_mode", "String"),
    ("cudagraphCaptureSizes", "cudagraph_capture_sizes", "[Int]"),
    ("maxCudagraphCaptureSize", "max_cudagraph_capture_size", "Int"),
    ("attentionBackend", "attention_backend", "String"), ("speculativeConfig", "speculative_config", "String"),
    ("kvCacheTokens", "kv_cache_tokens", "Int"), ("kvCacheBlocks", "kv_cache_blocks", "Int"),
    ("maxConcurrency", "max_concurrency", "Double"), ("maxConcurrencyTokens", "max_concurrency_tokens", "Int"),
    ("availableKVCacheGiB", "available_kv_cache_gib", "Double"), ("modelLoadGiB", "model_load_gib", "Double"),
    ("modelLoadSeconds", "model_load_seconds", "Double"), ("graphCaptureSeconds", "graph_capture_seconds", "Double"),
    ("graphCaptureGiB", "graph_capture_gib", "Double"), ("engineInitSeconds", "engine_init_seconds", "Double"),
    ("observability", "observability", D + "Observability"),
    ("nonDefaultArgs", "non_default_args", "OrderedMap<String, KeyOrder.Lexical>"),
    ("componentMetrics", "component_metrics", "OrderedMap<OrderedMap<String, KeyOrder.Lexical>, KeyOrder.Lexical>"),
    ("sourceLines", "source_lines", D + "SourceLines")]),
  "Observability": ("Which optional vLLM outputs were on (`engine.observability`).", [
    ("iterationDetails", "iteration_details", "Bool"), ("cudagraphMetrics", "cudagraph_metrics", "Bool"),
    ("mfuMetrics", "mfu_metrics", "Bool"), ("logRequests", "log_requests", "Bool"),
    ("disableLogStats", "disable_log_stats", "Bool"), ("debugMFU", "debug_mfu", "Bool")]),
  "Steps": ("Prefill/decode timing from iteration lines (`steps`).", [
    ("count", "count", "Int"), ("contextTokens", "context_tokens", "Int"),
    ("generationTokens", "generation_tokens", "Int"), ("totalMs", "total_ms", "Double"),
    ("tokensPerSecond", "tokens_per_second", "Double"), ("batchUtilizationPct", "batch_utilization_pct", "Double"),
    ("dummySteps", "dummy_steps", "Int"), ("mixedToDecodeMedianRatio", "mixed_to_decode_median_ratio", "Double"),
    ("byKind", "by_kind", "OrderedMap<" + D + "StepKindFigures, KeyOrder.StepKinds>"),
    ("decodeBatchSize", "decode_batch_size", D + "Distribution"),
    ("tokensPerStep", "tokens_per_step", D + "Distribution"), ("lines", "lines", D + "StepLines")]),
  "StepKindFigures": ("One `steps.by_kind` member.", [
    ("count", "count", "Int"), ("tokens", "tokens", "Int"), ("totalMs", "total_ms", "Double"),
    ("sharePct", "share_pct", "Double"), ("meanMs", "mean_ms", "Double"), ("p50Ms", "p50_ms", "Double"),
    ("p90Ms", "p90_ms", "Double"), ("p99Ms", "p99_ms", "Double"), ("maxMs", "max_ms", "Double")]),
  "Distribution": ("A distribution: count, mean, percentiles and maximum.", [
    ("count", "count", "Int"), ("mean", "mean", "Double"), ("p50", "p50", "Double"), ("p90", "p90", "Double"),
    ("p99", "p99", "Double"), ("max", "max", "Double")]),
  "StepLines": ("`steps.lines`: the first, last and slowest iteration lines.", [
    ("first", "first", "Int"), ("last", "last", "Int"), ("slowest", "slowest", "Int")]),
  "Scheduler": ("Batching, queueing and KV-cache pressure from stats lines (`scheduler`).", [
    ("samples", "samples", "Int"), ("idleSamples", "idle_samples", "Int"), ("maxRunning", "max_running", "Int"),
    ("maxWaiting", "max_waiting", "Int"), ("waitingSharePct", "waiting_share_pct", "Double"),
    ("meanQueuePressure", "mean_queue_pressure", "Double"), ("meanKVUsagePct", "mean_kv_usage_pct", "Double"),
    ("maxKVUsagePct", "max_kv_usage_pct", "Double"), ("meanPromptThroughput", "mean_prompt_throughput", "Double"),
    ("peakPromptThroughput", "peak_prompt_throughput", "Double"),
    ("meanGenerationThroughput", "mean_generation_throughput", "Double"),
    ("peakGenerationThroughput", "peak_generation_throughput", "Double"),
    ("meanPrefixCacheHitRatePct", "mean_prefix_cache_hit_rate_pct", "Double"),
    ("lastPrefixCacheHitRatePct", "last_prefix_cache_hit_rate_pct", "Double"),
    ("preemptions", "preemptions", "Int"), ("lines", "lines", D + "SchedulerLines")]),
  "SchedulerLines": ("`scheduler.lines`.", [
    ("maxRunning", "max_running", "Int"), ("maxWaiting", "max_waiting", "Int"), ("maxKVUsage", "max_kv_usage", "Int"),
    ("firstPreemption", "first_preemption", "Int")]),
  "CudaGraph": ("CUDA-graph padding from `--cudagraph-metrics` tables (`cudagraph`).", [
    ("tables", "tables", "Int"), ("steps", "steps", "Int"), ("unpaddedTokens", "unpadded_tokens", "Int"),
    ("paddedTokens", "padded_tokens", "Int"), ("paddingTokens", "padding_tokens", "Int"),
    ("paddingOverheadPct", "padding_overhead_pct", "Double"),
    ("stepsByMode", "steps_by_mode", "OrderedMap<Int, KeyOrder.Lexical>"),
    ("paddingTokensByMode", "padding_tokens_by_mode", "OrderedMap<Int, KeyOrder.Lexical>"),
    ("topPaddedSizes", "top_padded_sizes", "[" + D + "PaddedSize]"), ("eagerSteps", "eager_steps", "Int"),
    ("eagerStepsAboveLargest", "eager_steps_above_largest", "Int"), ("mode", "mode", "String"),
    ("captureSizes", "capture_sizes", "[Int]"), ("firstLine", "first_line", "Int")]),
  "PaddedSize": ("A capture size and the padding it caused (`top_padded_sizes[]`).", [
    ("size", "size", "Int"), ("steps", "steps", "Int"), ("paddingTokens", "padding_tokens", "Int")]),
  "Padding": ("CUDA-graph padding under vLLM's dispatch rule; written into `cudagraph_economics` and `fitted`.", [
    ("steps", "steps", "Int"), ("unpaddedTokens", "unpadded_tokens", "Int"), ("paddedTokens", "padded_tokens", "Int"),
    ("paddingTokens", "padding_tokens", "Int"), ("paddingOverheadPct", "padding_overhead_pct", "Double"),
    ("eagerSteps", "eager_steps", "Int"), ("eagerTokens", "eager_tokens", "Int"),
    ("eagerStepsAboveLargest", "eager_steps_above_largest", "Int"), ("eagerMinTokens", "eager_min_tokens", "Int"),
    ("eagerMaxTokens", "eager_max_tokens", "Int"), ("graphCount", "graph_count", "Int"),
    ("byRuntimeMode", "by_runtime_mode", "OrderedMap<" + D + "PaddingSlice, KeyOrder.RuntimeModes>"),
    ("byStepClass", "by_step_class", "OrderedMap<" + D + "PaddingSlice, KeyOrder.StepClasses>"),
    ("topPaddedSizes", "top_padded_sizes", "[" + D + "PaddedSize]"),
    ("topEagerTokenCounts", "top_eager_token_counts", "[" + D + "EagerTokenCount]")]),
  "PaddingSlice": ("The padding of one runtime mode or step class.", [
    ("steps", "steps", "Int"), ("unpaddedTokens", "unpadded_tokens", "Int"), ("paddedTokens", "padded_tokens", "Int"),
    ("paddingTokens", "padding_tokens", "Int")]),
  "EagerTokenCount": ("A token count that ran eagerly, and how often (`top_eager_token_counts[]`).", [
    ("tokens", "tokens", "Int"), ("steps", "steps", "Int")]),
  "TableFigures": ("The tables' own padding figures (`cudagraph_economics.from_tables`).", [
    ("steps", "steps", "Int"), ("unpaddedTokens", "unpadded_tokens", "Int"), ("paddedTokens", "padded_tokens", "Int"),
    ("paddingTokens", "padding_tokens", "Int"), ("paddingOverheadPct", "padding_overhead_pct", "Double"),
    ("eagerSteps", "eager_steps", "Int")]),
  "EconomicsCrossCheck": ("The rebuilt padding against the tables' (`cudagraph_economics.cross_check`).", [
    ("agree", "agree", "Bool"), ("tableSteps", "table_steps", "Int"), ("iterationSteps", "iteration_steps", "Int"),
    ("tablePaddingOverheadPct", "table_padding_overhead_pct", "Double"),
    ("iterationPaddingOverheadPct", "iteration_padding_overhead_pct", "Double"),
    ("differencePctPoints", "difference_pct_points", "Double"), ("tableEagerSteps", "table_eager_steps", "Int"),
    ("iterationEagerSteps", "iteration_eager_steps", "Int")]),
  "TimeEstimate": ("What padding and eager steps cost in time, from per-kind step-time fits (`time_estimate`).", [
    ("estimate", "estimate", "Bool"), ("model", "model", "String"), ("steps", "steps", "Int"),
    ("paddingMsPer1000Steps", "padding_ms_per_1000_steps", "Double"),
    ("eagerMsPer1000Steps", "eager_ms_per_1000_steps", "Double"), ("paddingMs", "padding_ms", "Double"),
    ("eagerMs", "eager_ms", "Double"),
    ("paddingTokensWithoutUsableFit", "padding_tokens_without_usable_fit", "Int"),
    ("fits", "fits", "OrderedMap<" + D + "StepTimeFit?, KeyOrder.StepKinds>")]),
  "StepTimeFit": ("A least-squares fit of step time against tokens for one step kind (`fits.KIND`).", [
    ("steps", "steps", "Int"), ("interceptMs", "intercept_ms", "Double"), ("msPerToken", "ms_per_token", "Double"),
    ("rSquared", "r_squared", "Double"), ("rmseMs", "rmse_ms", "Double")]),
  "ModeAdvice": ("The CUDA-graph mode recommendation (`mode_advice`).", [
    ("current", "current", "String"), ("recommended", "recommended", "String"),
    ("changeAdvised", "change_advised", "Bool"), ("flag", "flag", "String"), ("path", "path", "[String]"),
    ("evidence", "evidence", "[String]")]),
  "MFU": ("Achieved FLOP/s and bytes/s per GPU from MFU lines (`mfu`).", [
    ("samples", "samples", "Int"), ("meanTFLOPSPerGPU", "mean_tflops_per_gpu", "Double"),
    ("peakTFLOPSPerGPU", "peak_tflops_per_gpu", "Double"), ("meanGBpsPerGPU", "mean_gbps_per_gpu", "Double"),
    ("peakGBpsPerGPU", "peak_gbps_per_gpu", "Double"), ("gpu", "gpu", "String"),
    ("meanMFUPct", "mean_mfu_pct", "Double"), ("meanMBUPct", "mean_mbu_pct", "Double"),
    ("firstLine", "first_line", "Int")]),
  "Capacity": ("KV-cache capacity against what the run used (`capacity`).", [
    ("kvCacheTokens", "kv_cache_tokens", "Int"), ("maxModelLen", "max_model_len", "Int"),
    ("maxConcurrency", "max_concurrency", "Double"), ("maxConcurrencyLogged", "max_concurrency_logged", "Bool"),
    ("peakKVUsagePct", "peak_kv_usage_pct", "Double"), ("peakKVTokens", "peak_kv_tokens", "Int"),
    ("maxRunning", "max_running", "Int")]),
  "Roofline": ("Every step against the GPU's roofline (`roofline`).", [
    ("gpu", "gpu", "String"), ("peakTFLOPS", "peak_tflops", "Double"), ("hbmGBps", "hbm_gbps", "Double"),
    ("ridgeFLOPPerByte", "ridge_flop_per_byte", "Double"), ("overheadFactor", "overhead_factor", "Double"),
    ("steps", "steps", "Int"), ("skippedSteps", "skipped_steps", "Int"),
    ("contextEstimate", "context_estimate", D + "ContextEstimate"),
    ("byKind", "by_kind", "[" + D + "RooflineKind]"), ("decodeByBatch", "decode_by_batch", "[" + D + "RooflineBatch]"),
    ("cudaGraphs", "cuda_graphs", D + "RooflineCudaGraphs")]),
  "ContextEstimate": ("How the attended context was estimated (`roofline.context_estimate`).", [
    ("method", "method", "String"), ("capacityTokens", "capacity_tokens", "Int"), ("stepLine", "step_line", "Int"),
    ("interpolated", "interpolated", "Int"), ("unknown", "unknown", "Int")]),
  "RooflineTotals": ("Roofline totals of a group of steps.", [
    ("steps", "steps", "Int"), ("tokens", "tokens", "Int"), ("measuredS", "measured_s", "Double"),
    ("attainableS", "attainable_s", "Double"), ("computeBoundS", "compute_bound_s", "Double"),
    ("memoryBoundS", "memory_bound_s", "Double"), ("efficiencyPct", "efficiency_pct", "Double"),
    ("bound", "bound", "String"), ("classification", "classification", "String"),
    ("stepsComputeBound", "steps_compute_bound", "Int"), ("stepsMemoryBound", "steps_memory_bound", "Int"),
    ("stepsOverheadBound", "steps_overhead_bound", "Int"), ("meanRequests", "mean_requests", "Double"),
    ("meanDecodeContextTokens", "mean_decode_context_tokens", "Double"),
    ("achievedTFLOPSPerGPU", "achieved_tflops_per_gpu", "Double"),
    ("achievedGBpsPerGPU", "achieved_gbps_per_gpu", "Double"),
    ("measuredTokensPerS", "measured_tokens_per_s", "Double"), ("boundTokensPerS", "bound_tokens_per_s", "Double")]),
  "RooflineCudaGraphs": ("Steps above and within the largest capture size (`roofline.cuda_graphs`).", [
    ("largestCaptureSize", "largest_capture_size", "Int"),
    ("aboveCaptureSize", "above_capture_size", D + "RooflineTotals"),
    ("withinCaptureSize", "within_capture_size", D + "RooflineTotals")]),
  "Events": ("Counts and first occurrences of notable log events (`events`).", [
    ("counts", "counts", D + "EventCounts"), ("first", "first", "[" + D + "Event]"),
    ("v0CumulativePreemptions", "v0_cumulative_preemptions", "Int")]),
  "EventCounts": ("Events of each kind (`events.counts`).", [
    ("preemption", "preemption", "Int"), ("error", "error", "Int"), ("traceback", "traceback", "Int"),
    ("outOfMemory", "out_of_memory", "Int"), ("engineDead", "engine_dead", "Int"),
    ("mfuDebugCrash", "mfu_debug_crash", "Int"), ("shutdown", "shutdown", "Int"), ("warning", "warning", "Int")]),
  "Event": ("One event (`events.first[]`).", [
    ("kind", "kind", "String"), ("line", "line", "Int"), ("timeS", "time_s", "Double"),
    ("message", "message", "String")]),
  "Requests": ("Request-level log lines and HTTP access lines (`requests`).", [
    ("received", "received", "Int"), ("added", "added", "Int"), ("finished", "finished", "Int"),
    ("aborted", "aborted", "Int"), ("httpGenerationRequests", "http_generation_requests", "Int"),
    ("httpByStatus", "http_by_status", "OrderedMap<Int, KeyOrder.Lexical>")]),
  "Finding": ("One finding (`findings[]`).", [
    ("id", "id", "String"), ("severity", "severity", "String"), ("title", "title", "String"),
    ("evidence", "evidence", "[" + D + "Evidence]"), ("recommendation", "recommendation", "String")]),
  "Evidence": ("One piece of a finding's evidence, with the lines it cites.", [
    ("text", "text", "String"), ("lines", "lines", "[Int]")]),
  "RunDirectory": ("The files joined for a run directory (`run_directory`).", [
    ("path", "path", "String"), ("log", "log", "String"), ("metrics", "metrics", "String"),
    ("scrapes", "scrapes", "Int"), ("failedScrapes", "failed_scrapes", "Int"),
    ("metricsSeconds", "metrics_seconds", "Double"), ("benchmark", "benchmark", "String"),
    ("config", "config", "String"), ("runInfo", "run_info", "String"),
    ("recordedVLLMVersion", "recorded_vllm_version", "String"),
    ("extraServerFlags", "extra_server_flags", "[String]")]),
  "Benchmark": ("A run directory's `vllm bench serve` result (`benchmark`).", [
    ("source", "source", "String"), ("generator", "generator", "String"), ("date", "date", "String"),
    ("backend", "backend", "String"), ("model", "model", "String"), ("numPrompts", "num_prompts", "Int"),
    ("requestRate", "request_rate", "Double"), ("maxConcurrency", "max_concurrency", "Int"),
    ("burstiness", "burstiness", "Double"), ("achievedSendRate", "achieved_send_rate", "Double"),
    ("durationS", "duration_s", "Double"), ("completed", "completed", "Int"), ("failed", "failed", "Int"),
    ("totalInputTokens", "total_input_tokens", "Int"), ("totalOutputTokens", "total_output_tokens", "Int"),
    ("requestThroughput", "request_throughput", "Double"), ("outputThroughput", "output_throughput", "Double"),
    ("totalTokenThroughput", "total_token_throughput", "Double"),
    ("maxConcurrentRequests", "max_concurrent_requests", "Int"),
    ("latencyMs", "latency_ms", "OrderedMap<" + D + "Latency, KeyOrder.LatencyMetrics>"),
    ("errors", "errors", "[" + D + "BenchmarkError]")]),
  "Latency": ("One latency metric of the benchmark, in ms (`latency_ms.METRIC`).", [
    ("mean", "mean", "Double"), ("median", "median", "Double"), ("std", "std", "Double"),
    ("percentiles", "percentiles", "OrderedMap<Double?, KeyOrder.Percentiles>")]),
  "BenchmarkError": ("A distinct error of failed benchmark requests (`benchmark.errors[]`).", [
    ("message", "message", "String"), ("count", "count", "Int")]),
  "CrossCheck": ("Whether two sources of a run agree on one figure (`cross_checks[]`).", [
    ("id", "id", "String"), ("title", "title", "String"), ("status", "status", "String"), ("unit", "unit", "String"),
    ("expected", "expected", D + "CrossCheckSide"), ("observed", "observed", D + "CrossCheckSide"),
    ("difference", "difference", "Double"), ("tolerance", "tolerance", "String"), ("note", "note", "String")]),
  "CrossCheckSide": ("One side of a cross-check: where the figure comes from, and the figure.", [
    ("source", "source", "String"), ("value", "value", "Double")]),
  "EngineEntry": ("One data-parallel engine's sections (`engines[]`).", [
    ("index", "index", "Int"), ("steps", "steps", D + "Steps"), ("scheduler", "scheduler", D + "Scheduler"),
    ("cudagraph", "cudagraph", D + "CudaGraph"), ("mfu", "mfu", D + "MFU")]),
  "Coverage": ("How much of the input the reader understood (`coverage`).", [
    ("lines", "lines", "Int"), ("bytes", "bytes", "Int"), ("recognized", "recognized", "Int"),
    ("unrecognized", "unrecognized", "Int"), ("recognizedPct", "recognized_pct", "Double"),
    ("byKind", "by_kind", "OrderedMap<Int, KeyOrder.Lexical>"),
    ("wrappedLinesJoined", "wrapped_lines_joined", "Int"), ("overlongLines", "overlong_lines", "Int"),
    ("binaryLines", "binary_lines", "Int"), ("saturatedSteps", "saturated_steps", "Int"),
    ("timestampRegressions", "timestamp_regressions", "Int"), ("timeSpanSeconds", "time_span_seconds", "Double")]),
}

BEGIN, END = "  // BEGIN GENERATED (scripts/gen-report-schema.py)\n", "  // END GENERATED\n"

def body(name, doc, members):
    out = [BEGIN, f"  /// {doc}\n", f"  public struct {name}: Codable, Sendable, Equatable {{\n"]
    for swift, key, typ in members:
        out.append(f"    /// `{key}`.\n    public var {swift}: {typ}?\n")
    out.append("\n    enum CodingKeys: String, CodingKey {\n")
    for swift, key, _ in members:
        out.append(f"      case {swift}" + ("" if swift == key else f" = \"{key}\"") + "\n")
    out.append("    }\n  }\n" + END)
    return "".join(out)

root = pathlib.Path("Sources/ReportSchema/Document")
for name, (doc, members) in SECTIONS.items():
    path = root / f"ReportDocument+{name}.swift"
    generated = body(name, doc, members)
    if path.exists():
        text = path.read_text()
        text = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: generated, text, flags=re.S)
    else:
        text = "import ProfileMateCore\n\nextension ReportDocument {\n" + generated + "}\n"
    path.write_text(text)
print(f"{len(SECTIONS)} section types written under {root}")
