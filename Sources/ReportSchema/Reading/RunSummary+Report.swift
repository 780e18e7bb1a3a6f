import ProfileMateCore

extension RunSummary {
  /// The comparison figures a saved report carries, named `source`: configuration, step figures per kind,
  /// throughputs, KV peak, padding, preemptions, the benchmark's point figures and the cross-checks. A saved
  /// report holds no single steps and no per-request values, so ``samples`` and the benchmark's samples stay
  /// empty. Cross-checks without an id, a title or a known status are left out.
  public init(_ r: ReportDocument, source: String) {
    self.init(source: source)
    if let e = r.engine { config = Self.configEntries(e) }
    if let s = r.steps {
      stepTokensPerSecond = s.tokensPerSecond
      for kind in StepKind.allCases {
        guard let k = s.byKind?[kind.rawValue], let count = k.count, count > 0 else { continue }
        kinds[kind] = KindFigures(steps: count, p50Ms: k.p50Ms, p99Ms: k.p99Ms, meanMs: k.meanMs)
      }
    }
    if let sched = r.scheduler {
      promptThroughput = sched.meanPromptThroughput
      generationThroughput = sched.meanGenerationThroughput
      preemptions = sched.preemptions
      maxWaiting = sched.maxWaiting
      kvPeakPct = sched.maxKVUsagePct
    }
    if let peak = r.capacity?.peakKVUsagePct { kvPeakPct = peak }
    paddingOverheadPct = r.cudagraph?.paddingOverheadPct
    benchmark = r.benchmark.map(Self.benchmarkFigures)
    crossChecks = (r.crossChecks ?? []).compactMap(Self.crossCheck)
  }

  /// The ``configEntries(_:)`` of a saved `engine`: the same keys, spelt the same way.
  static func configEntries(_ e: ReportDocument.Engine) -> [String: String] {
    var out: [String: String] = [:]
    func put(_ key: String, _ value: String?) { if let value { out[key] = value } }
    put("vllm_version", e.vllmVersion)
    put("model", e.model)
    put("dtype", e.dtype)
    put("quantization", e.quantization)
    put("device", e.device)
    put("tensor_parallel_size", e.tensorParallelSize.map(String.init))
    put("pipeline_parallel_size", e.pipelineParallelSize.map(String.init))
    put("data_parallel_size", e.dataParallelSize.map(String.init))
    put("max_model_len", e.maxModelLen.map(String.init))
    put("max_num_batched_tokens", e.maxNumBatchedTokens.map(String.init))
    put("max_num_seqs", e.maxNumSeqs.map(String.init))
    put("kv_cache_dtype", e.kvCacheDtype)
    put("block_size", e.blockSize.map(String.init))
    put("gpu_memory_utilization", e.gpuMemoryUtilization.map(number))
    put("enable_prefix_caching", e.enablePrefixCaching.map { String($0) })
    put("enable_chunked_prefill", e.enableChunkedPrefill.map { String($0) })
    put("enforce_eager", e.enforceEager.map { String($0) })
    put("cudagraph_mode", e.cudagraphMode)
    put("cudagraph_capture_sizes", e.cudagraphCaptureSizes.map(list))
    put("attention_backend", e.attentionBackend)
    put("speculative_config", e.speculativeConfig)
    put("kv_cache_tokens", e.kvCacheTokens.map(String.init))
    for entry in e.nonDefaultArgs?.entries ?? [] { out["args." + entry.key] = entry.value }
    return out
  }

  /// The benchmark's point figures: `request_throughput`, `completed`, `failed`, and per metric the median
  /// (else `percentiles.p50`) and `percentiles.p99`; a metric with neither is left out.
  static func benchmarkFigures(_ b: ReportDocument.Benchmark) -> BenchmarkFigures {
    var f = BenchmarkFigures()
    f.requestThroughput = b.requestThroughput
    f.completed = b.completed
    f.failed = b.failed
    for m in BenchmarkFigures.metrics {
      guard let l = b.latencyMs?[m] else { continue }
      let p50 = l.median ?? l.percentiles?["p50"] ?? nil
      let p99 = l.percentiles?["p99"] ?? nil
      guard p50 != nil || p99 != nil else { continue }
      f.latencies[m] = BenchmarkFigures.Percentiles(p50Ms: p50, p99Ms: p99)
    }
    return f
  }

  /// A saved cross-check; nil without an `id`, a `title` or a known `status`.
  static func crossCheck(_ c: ReportDocument.CrossCheck) -> CrossCheck? {
    guard let id = c.id, let title = c.title, let status = c.status.flatMap(CrossCheck.Status.init(rawValue:)) else {
      return nil
    }
    func side(_ s: ReportDocument.CrossCheckSide?) -> CrossCheck.Side { CrossCheck.Side(s?.source ?? "", s?.value) }
    return CrossCheck(
      id: id, title: title, status: status, unit: c.unit ?? "", expected: side(c.expected), observed: side(c.observed),
      tolerance: c.tolerance ?? "", note: c.note ?? "")
  }
}
