import ProfileMateCore

/// The `analyze --json` document; its schema is documented in `docs/report-schema.md`.
public enum JSONReport {
  /// The schema version; bumped when a field changes meaning or is removed.
  public static let schemaVersion = 1

  /// Renders the analysis as pretty-printed JSON with a trailing newline.
  public static func render(_ a: RunAnalysis, toolVersion: String, pretty: Bool = true) -> String {
    var w = JSONWriter(pretty: pretty)
    w.beginReport(schemaVersion: schemaVersion, toolVersion: toolVersion)
    w.string("source", a.model.source)
    gpu(&w, a.gpu)
    engine(&w, a.model.config)
    steps(&w, "steps", a.steps)
    scheduler(&w, "scheduler", a.scheduler)
    cudagraph(&w, "cudagraph", a.cudagraph)
    CudaGraphJSON.write(&w, "cudagraph_economics", a.cudagraphEconomics, tables: a.cudagraph)
    mfu(&w, "mfu", a.mfu)
    capacity(&w, a.capacity)
    roofline(&w, a.roofline)
    events(&w, a.model)
    findings(&w, a.findings)
    runDirectory(&w, a)
    w.beginArray("engines")
    for e in a.engines {
      w.beginObject()
      w.int("index", e.index)
      steps(&w, "steps", e.steps)
      scheduler(&w, "scheduler", e.scheduler)
      cudagraph(&w, "cudagraph", e.cudagraph)
      mfu(&w, "mfu", e.mfu)
      w.endObject()
    }
    w.endArray()
    coverage(&w, a.model.coverage, timeSpan: a.model.timeSpanSeconds)
    w.endObject()
    return w.text + "\n"
  }

  private static func gpu(_ w: inout JSONWriter, _ g: GPUSpec?) {
    guard let g else {
      w.string("gpu", nil)
      return
    }
    w.beginObject("gpu")
    w.string("name", g.name)
    w.double("peak_bf16_tflops", g.bf16FLOPS / 1e12)
    w.double("peak_fp8_tflops", g.fp8FLOPS.map { $0 / 1e12 })
    w.double("hbm_gbps", g.memoryBandwidth / 1e9)
    w.double("memory_gb", g.memoryBytes / 1e9)
    w.endObject()
  }

  private static func engine(_ w: inout JSONWriter, _ c: EngineConfig) {
    w.beginObject("engine")
    w.string("vllm_version", c.vllmVersion?.value)
    w.string("engine_generation", c.engineGeneration?.value)
    w.string("model", c.model?.value)
    w.string("served_model_name", c.servedModelName?.value)
    w.string("dtype", c.dtype?.value)
    w.string("quantization", c.quantization?.value)
    w.string("device", c.device?.value)
    w.int("tensor_parallel_size", c.tensorParallelSize?.value)
    w.int("pipeline_parallel_size", c.pipelineParallelSize?.value)
    w.int("data_parallel_size", c.dataParallelSize?.value)
    w.int("max_model_len", c.maxModelLen?.value)
    w.int("max_num_batched_tokens", c.maxNumBatchedTokens?.value)
    w.int("max_num_seqs", c.maxNumSeqs?.value)
    w.string("kv_cache_dtype", c.kvCacheDtype?.value)
    w.int("block_size", c.blockSize?.value)
    w.double("gpu_memory_utilization", c.gpuMemoryUtilization?.value)
    w.bool("enable_prefix_caching", c.enablePrefixCaching?.value)
    w.bool("enable_chunked_prefill", c.enableChunkedPrefill?.value)
    w.bool("enforce_eager", c.enforceEager?.value)
    w.string("cudagraph_mode", c.cudagraphMode?.value)
    w.ints("cudagraph_capture_sizes", c.cudagraphCaptureSizes?.value)
    w.int("max_cudagraph_capture_size", c.maxCudagraphCaptureSize?.value)
    w.string("attention_backend", c.attentionBackend?.value)
    w.string("speculative_config", c.speculativeConfig?.value)
    w.int("kv_cache_tokens", c.kvCacheTokens?.value)
    w.int("kv_cache_blocks", c.kvCacheBlocks?.value)
    w.double("max_concurrency", c.maxConcurrency?.value)
    w.int("max_concurrency_tokens", c.maxConcurrencyTokens?.value)
    w.double("available_kv_cache_gib", c.availableKVCacheGiB?.value)
    w.double("model_load_gib", c.modelLoadGiB?.value)
    w.double("model_load_seconds", c.modelLoadSeconds?.value)
    w.double("graph_capture_seconds", c.graphCaptureSeconds?.value)
    w.double("graph_capture_gib", c.graphCaptureGiB?.value)
    w.double("engine_init_seconds", c.engineInitSeconds?.value)
    w.beginObject("observability")
    w.bool("iteration_details", c.observability.iterationDetails)
    w.bool("cudagraph_metrics", c.observability.cudagraphMetrics)
    w.bool("mfu_metrics", c.observability.mfuMetrics)
    w.bool("log_requests", c.observability.logRequests)
    w.bool("disable_log_stats", c.observability.disableLogStats)
    w.bool("debug_mfu", c.observability.debugMFU)
    w.endObject()
    w.beginObject("non_default_args")
    for key in c.nonDefaultArgs.keys.sorted() { w.string(key, c.nonDefaultArgs[key]) }
    w.endObject()
    w.beginObject("component_metrics")
    for name in c.componentMetrics.keys.sorted() {
      w.beginObject(name)
      let params = c.componentMetrics[name] ?? [:]
      for key in params.keys.sorted() { w.string(key, params[key]) }
      w.endObject()
    }
    w.endObject()
    w.beginObject("source_lines")
    let lines: [(String, LineNumber?)] = [
      ("vllm_version", c.vllmVersion?.line), ("model", c.model?.line), ("max_model_len", c.maxModelLen?.line),
      ("max_num_batched_tokens", c.maxNumBatchedTokens?.line), ("max_num_seqs", c.maxNumSeqs?.line),
      ("cudagraph_mode", c.cudagraphMode?.line), ("cudagraph_capture_sizes", c.cudagraphCaptureSizes?.line),
      ("kv_cache_tokens", c.kvCacheTokens?.line), ("max_concurrency", c.maxConcurrency?.line),
      ("available_kv_cache_gib", c.availableKVCacheGiB?.line), ("attention_backend", c.attentionBackend?.line),
    ]
    for (k, v) in lines where v != nil { w.int(k, v) }
    w.endObject()
    w.endObject()
  }

  private static func distribution(_ w: inout JSONWriter, _ key: String, _ d: Distribution?) {
    guard let d else {
      w.string(key, nil)
      return
    }
    w.beginObject(key)
    w.int("count", d.count)
    w.rounded("mean", d.mean)
    w.rounded("p50", d.p50)
    w.rounded("p90", d.p90)
    w.rounded("p99", d.p99)
    w.rounded("max", d.max)
    w.endObject()
  }

  private static func steps(_ w: inout JSONWriter, _ key: String, _ s: StepAnalysis?) {
    guard let s else {
      w.string(key, nil)
      return
    }
    w.beginObject(key)
    w.int("count", s.count)
    w.int("context_tokens", s.contextTokens)
    w.int("generation_tokens", s.generationTokens)
    w.rounded("total_ms", s.totalMs, 2)
    w.rounded("tokens_per_second", s.tokensPerSecond, 2)
    w.rounded("batch_utilization_pct", s.batchUtilizationPct, 3)
    w.int("dummy_steps", s.dummySteps)
    w.rounded("mixed_to_decode_median_ratio", s.mixedToDecodeMedianRatio, 3)
    w.beginObject("by_kind")
    for kind in StepKind.allCases {
      let k = s.byKind[kind]
      w.beginObject(kind.rawValue)
      w.int("count", k?.count ?? 0)
      w.int("tokens", k?.tokens ?? 0)
      w.rounded("total_ms", k?.time?.total ?? 0, 2)
      w.rounded("share_pct", k?.sharePct ?? 0, 3)
      w.rounded("mean_ms", k?.time?.mean)
      w.rounded("p50_ms", k?.time?.p50)
      w.rounded("p90_ms", k?.time?.p90)
      w.rounded("p99_ms", k?.time?.p99)
      w.rounded("max_ms", k?.time?.max)
      w.endObject()
    }
    w.endObject()
    distribution(&w, "decode_batch_size", s.decodeBatchSize)
    distribution(&w, "tokens_per_step", s.tokensPerStep)
    w.beginObject("lines")
    w.int("first", s.firstLine)
    w.int("last", s.lastLine)
    w.int("slowest", s.slowestLine)
    w.endObject()
    w.endObject()
  }

  private static func scheduler(_ w: inout JSONWriter, _ key: String, _ s: SchedulerAnalysis?) {
    guard let s else {
      w.string(key, nil)
      return
    }
    w.beginObject(key)
    w.int("samples", s.samples)
    w.int("idle_samples", s.idleSamples)
    w.int("max_running", s.maxRunning?.value)
    w.int("max_waiting", s.maxWaiting?.value)
    w.rounded("waiting_share_pct", s.waitingSharePct, 3)
    w.rounded("mean_queue_pressure", s.meanQueuePressure, 4)
    w.rounded("mean_kv_usage_pct", s.meanKVUsagePct, 3)
    w.double("max_kv_usage_pct", s.maxKVUsagePct?.value)
    w.rounded("mean_prompt_throughput", s.meanPromptThroughput, 3)
    w.double("peak_prompt_throughput", s.peakPromptThroughput)
    w.rounded("mean_generation_throughput", s.meanGenerationThroughput, 3)
    w.double("peak_generation_throughput", s.peakGenerationThroughput)
    w.rounded("mean_prefix_cache_hit_rate_pct", s.meanPrefixCacheHitRatePct, 3)
    w.double("last_prefix_cache_hit_rate_pct", s.lastPrefixCacheHitRatePct)
    w.int("preemptions", s.preemptions)
    w.beginObject("lines")
    w.int("max_running", s.maxRunning?.line)
    w.int("max_waiting", s.maxWaiting?.line)
    w.int("max_kv_usage", s.maxKVUsagePct?.line)
    w.int("first_preemption", s.firstPreemptionLine)
    w.endObject()
    w.endObject()
  }

  private static func cudagraph(_ w: inout JSONWriter, _ key: String, _ g: CudaGraphAnalysis?) {
    guard let g else {
      w.string(key, nil)
      return
    }
    w.beginObject(key)
    w.int("tables", g.tables)
    w.int("steps", g.steps)
    w.int("unpadded_tokens", g.unpaddedTokens)
    w.int("padded_tokens", g.paddedTokens)
    w.int("padding_tokens", g.paddingTokens)
    w.rounded("padding_overhead_pct", g.paddingOverheadPct, 4)
    w.beginObject("steps_by_mode")
    for slice in g.byMode { w.int(slice.key, slice.steps) }
    w.endObject()
    w.beginObject("padding_tokens_by_mode")
    for slice in g.byMode { w.int(slice.key, slice.paddingTokens) }
    w.endObject()
    w.beginArray("top_padded_sizes")
    for slice in g.topPaddedSizes {
      w.beginObject()
      w.int("size", Int(slice.key))
      w.int("steps", slice.steps)
      w.int("padding_tokens", slice.paddingTokens)
      w.endObject()
    }
    w.endArray()
    w.int("eager_steps", g.eagerSteps)
    w.int("eager_steps_above_largest", g.eagerStepsAboveLargest)
    w.string("mode", g.mode)
    w.ints("capture_sizes", g.captureSizes)
    w.int("first_line", g.firstLine)
    w.endObject()
  }

  private static func mfu(_ w: inout JSONWriter, _ key: String, _ m: MFUAnalysis?) {
    guard let m else {
      w.string(key, nil)
      return
    }
    w.beginObject(key)
    w.int("samples", m.samples)
    w.rounded("mean_tflops_per_gpu", m.meanTFLOPSPerGPU, 4)
    w.double("peak_tflops_per_gpu", m.peakTFLOPSPerGPU)
    w.rounded("mean_gbps_per_gpu", m.meanGBpsPerGPU, 4)
    w.double("peak_gbps_per_gpu", m.peakGBpsPerGPU)
    w.string("gpu", m.gpu)
    w.rounded("mean_mfu_pct", m.meanMFUPct, 4)
    w.rounded("mean_mbu_pct", m.meanMBUPct, 4)
    w.int("first_line", m.firstLine)
    w.endObject()
  }

  private static func capacity(_ w: inout JSONWriter, _ c: CapacityAnalysis?) {
    guard let c else {
      w.string("capacity", nil)
      return
    }
    w.beginObject("capacity")
    w.int("kv_cache_tokens", c.kvCacheTokens?.value)
    w.int("max_model_len", c.maxModelLen?.value)
    w.rounded("max_concurrency", c.maxConcurrency, 2)
    w.bool("max_concurrency_logged", c.maxConcurrencyLogged)
    w.double("peak_kv_usage_pct", c.peakKVUsagePct?.value)
    w.int("peak_kv_tokens", c.peakKVTokens)
    w.int("max_running", c.maxRunning)
    w.endObject()
  }

  private static func roofline(_ w: inout JSONWriter, _ r: RooflineAnalysis?) {
    guard let r else {
      w.string("roofline", nil)
      return
    }
    w.beginObject("roofline")
    w.string("gpu", r.gpu)
    w.rounded("peak_tflops", r.peakFLOPS / 1e12, 2)
    w.rounded("hbm_gbps", r.bandwidth / 1e9, 2)
    w.rounded("ridge_flop_per_byte", r.ridgePoint, 2)
    w.double("overhead_factor", r.overheadFactor)
    w.int("steps", r.steps)
    w.int("skipped_steps", r.skippedSteps)
    w.beginObject("context_estimate")
    w.string("method", "kv_usage_x_capacity")
    w.int("capacity_tokens", r.capacityTokens)
    for source in StepRoofline.ContextSource.allCases { w.int(source.rawValue, r.steps(from: source)) }
    w.endObject()
    w.beginArray("by_kind")
    for f in r.byKind {
      w.beginObject()
      w.string("kind", f.kind.rawValue)
      rooflineTotals(&w, f.totals, classification: f.classification)
      w.endObject()
    }
    w.endArray()
    w.beginArray("decode_by_batch")
    for b in r.decodeByBatch {
      w.beginObject()
      w.int("min_requests", b.minRequests)
      w.int("max_requests", b.maxRequests)
      rooflineTotals(&w, b.totals, classification: b.classification)
      w.endObject()
    }
    w.endArray()
    if let largest = r.largestCaptureSize, let above = r.aboveCaptureSize, let within = r.withinCaptureSize {
      w.beginObject("cuda_graphs")
      w.int("largest_capture_size", largest)
      w.beginObject("above_capture_size")
      rooflineTotals(&w, above, classification: above.classification(overheadFactor: r.overheadFactor))
      w.endObject()
      w.beginObject("within_capture_size")
      rooflineTotals(&w, within, classification: within.classification(overheadFactor: r.overheadFactor))
      w.endObject()
      w.endObject()
    } else {
      w.string("cuda_graphs", nil)
    }
    w.endObject()
  }

  private static func rooflineTotals(
    _ w: inout JSONWriter, _ t: RooflineAnalysis.Totals, classification: StepRoofline.Classification
  ) {
    w.int("steps", t.steps)
    w.int("tokens", t.tokens)
    w.rounded("measured_s", t.measuredSeconds, 6)
    w.rounded("attainable_s", t.attainableSeconds, 6)
    w.rounded("compute_bound_s", t.computeSeconds, 6)
    w.rounded("memory_bound_s", t.memorySeconds, 6)
    w.rounded("efficiency_pct", t.efficiencyPct, 2)
    w.string("bound", t.bound.rawValue)
    w.string("classification", classification.rawValue)
    for c in StepRoofline.Classification.allCases {
      w.int("steps_" + String(c.rawValue.map { $0 == "-" ? "_" : $0 }), t.steps(c))
    }
    w.rounded("mean_requests", t.meanRequests, 2)
    w.rounded("mean_decode_context_tokens", t.meanDecodeContext, 0)
    w.rounded("achieved_tflops_per_gpu", t.achievedFLOPS.map { $0 / 1e12 }, 3)
    w.rounded("achieved_gbps_per_gpu", t.achievedBandwidth.map { $0 / 1e9 }, 3)
    w.rounded("measured_tokens_per_s", t.measuredTokensPerSecond, 1)
    w.rounded("bound_tokens_per_s", t.boundTokensPerSecond, 1)
  }

  private static func events(_ w: inout JSONWriter, _ m: RunModel) {
    w.beginObject("events")
    w.beginObject("counts")
    for kind in LogEvent.Kind.allCases { w.int(kind.rawValue, m.eventCounts[kind] ?? 0) }
    w.endObject()
    w.beginArray("first")
    for kind in LogEvent.Kind.allCases {
      for e in m.events.lazy.filter({ $0.kind == kind }).prefix(5) {
        w.beginObject()
        w.string("kind", e.kind.rawValue)
        w.int("line", e.line)
        w.rounded("time_s", e.time, 0)
        w.string("message", e.message)
        w.endObject()
      }
    }
    w.endArray()
    w.int("v0_cumulative_preemptions", m.v0CumulativePreemptions)
    w.endObject()
    w.beginObject("requests")
    w.int("received", m.requests.received)
    w.int("added", m.requests.added)
    w.int("finished", m.requests.finished)
    w.int("aborted", m.requests.aborted)
    w.int("http_generation_requests", m.requests.httpGenerationRequests)
    w.beginObject("http_by_status")
    for key in m.requests.httpByStatusClass.keys.sorted() { w.int(key, m.requests.httpByStatusClass[key]) }
    w.endObject()
    w.endObject()
  }

  private static func findings(_ w: inout JSONWriter, _ findings: [Finding]) {
    w.beginArray("findings")
    for f in findings { w.finding(f) }
    w.endArray()
  }

  private static func coverage(_ w: inout JSONWriter, _ c: Coverage, timeSpan: Double?) {
    w.beginObject("coverage")
    w.int("lines", c.lines)
    w.int("bytes", c.bytes)
    w.int("recognized", c.recognized)
    w.int("unrecognized", c.unrecognized)
    w.rounded("recognized_pct", c.lines > 0 ? Double(c.recognized) / Double(c.lines) * 100 : nil, 2)
    w.beginObject("by_kind")
    for key in c.byKind.keys.sorted() { w.int(key, c.byKind[key]) }
    w.endObject()
    w.int("wrapped_lines_joined", c.wrappedLinesJoined)
    w.int("overlong_lines", c.overlongLines)
    w.int("binary_lines", c.binaryLines)
    w.int("saturated_steps", c.saturatedSteps)
    w.int("timestamp_regressions", c.timestampRegressions)
    w.double("time_span_seconds", timeSpan)
    w.endObject()
  }
}
