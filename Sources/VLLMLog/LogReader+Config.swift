import ProfileMateCore

extension LogReader {
  /// `Initializing a V1 LLM engine (vX) with config: k=v, …` (§8.1): the most complete source
  /// of configuration, so its values replace those read from earlier lines.
  func engineConfigLine(_ text: String, line: Int, v1: Bool) {
    guard let close = text.firstIndex(of: ")") else { return }
    set(\.vllmVersion, String(text[..<close]), line: line)
    set(\.engineGeneration, v1 ? "V1" : "V0", line: line)
    guard let r = text.firstRange(of: "with config: ") else { return }
    let items = PythonRepr.keyValues(text[r.upperBound...])
    var values: [String: String] = [:]
    for (key, value) in items where values[key] == nil { values[key] = value }

    if let v = values["model"] { set(\.model, PythonRepr.unquote(v), line: line) }
    if let v = values["served_model_name"], v != "None" { set(\.servedModelName, PythonRepr.unquote(v), line: line) }
    if let v = values["dtype"] {
      set(\.dtype, v.hasPrefix("torch.") ? String(v.dropFirst(6)) : v, line: line)
    }
    if let v = values["max_seq_len"].flatMap(PythonRepr.int) { set(\.maxModelLen, v, line: line) }
    if let v = values["tensor_parallel_size"].flatMap(PythonRepr.int) { set(\.tensorParallelSize, v, line: line) }
    if let v = values["pipeline_parallel_size"].flatMap(PythonRepr.int) {
      set(\.pipelineParallelSize, v, line: line)
    }
    if let v = values["data_parallel_size"].flatMap(PythonRepr.int) { set(\.dataParallelSize, v, line: line) }
    if let v = values["quantization"] {
      let q = PythonRepr.unquote(v)
      if q != "None" { set(\.quantization, q, line: line) }
    }
    if let v = values["enforce_eager"].flatMap(PythonRepr.bool) { set(\.enforceEager, v, line: line) }
    if let v = values["kv_cache_dtype"] { set(\.kvCacheDtype, PythonRepr.unquote(v), line: line) }
    if let v = values["device_config"] {
      set(\.device, PythonRepr.unquote(v), line: line)
    }
    if let v = values["enable_prefix_caching"].flatMap(PythonRepr.bool) {
      set(\.enablePrefixCaching, v, line: line)
    }
    if let v = (values["enable_chunked_prefill"] ?? values["chunked_prefill_enabled"]).flatMap(PythonRepr.bool) {
      set(\.enableChunkedPrefill, v, line: line)
    }
    if let v = values["speculative_config"], v != "None" { set(\.speculativeConfig, v, line: line) }
    if let v = values["observability_config"] { observability(v) }
    if let v = values["compilation_config"] { compilation(v, line: line) }
  }

  private func observability(_ text: String) {
    guard let open = text.firstIndex(of: "(") else { return }
    let body = text[text.index(after: open)...].trimmingCharacters(in: ")")
    var flags: [String: Bool] = [:]
    for (key, value) in PythonRepr.keyValues(body[...]) {
      if let b = PythonRepr.bool(value) { flags[key] = b }
    }
    if let v = flags["enable_logging_iteration_details"] { model.config.observability.iterationDetails = v }
    if let v = flags["cudagraph_metrics"] { model.config.observability.cudagraphMetrics = v }
    if let v = flags["enable_mfu_metrics"] { model.config.observability.mfuMetrics = v }
  }

  /// `compilation_config=`: JSON (≤ v0.11.0) or a Python dict repr (v0.11.1+), §6.1.
  private func compilation(_ text: String, line: Int) {
    var entries: [String: String] = [:]
    for (key, value) in PythonRepr.dictEntries(text[...]) where entries[key] == nil { entries[key] = value }
    if let raw = entries["cudagraph_mode"], let mode = Self.cudagraphModeName(raw) {
      set(\.cudagraphMode, mode, line: line)
    } else if let use = entries["use_cudagraph"].flatMap(PythonRepr.bool) {
      let full = entries["full_cuda_graph"].flatMap(PythonRepr.bool) ?? false
      set(\.cudagraphMode, use ? (full ? "FULL" : "PIECEWISE") : "NONE", line: line)
    }
    if let sizes = entries["cudagraph_capture_sizes"].flatMap(PythonRepr.intList) {
      set(\.cudagraphCaptureSizes, sizes.sorted(), line: line)
    }
    if let m = (entries["max_cudagraph_capture_size"] ?? entries["max_capture_size"]).flatMap(PythonRepr.int) {
      set(\.maxCudagraphCaptureSize, m, line: line)
    }
  }

  /// The mode name from any printed form: `<CUDAGraphMode.FULL_AND_PIECEWISE: (2, 1)>`,
  /// `CUDAGraphMode.PIECEWISE`, a JSON number, or a JSON pair `[2,1]`.
  static func cudagraphModeName(_ raw: String) -> String? {
    let t = raw.trimmingCharacters(in: " ")
    if let r = t.firstRange(of: "CUDAGraphMode.") {
      let name = t[r.upperBound...].prefix { $0.isLetter || $0 == "_" }
      return name.isEmpty ? nil : String(name)
    }
    func single(_ v: Int) -> String? {
      switch v {
      case 0: return "NONE"
      case 1: return "PIECEWISE"
      case 2: return "FULL"
      default: return nil
      }
    }
    if let v = Int(t) { return single(v) }
    if let pair = PythonRepr.intList(t), pair.count == 2 {
      switch (pair[0], pair[1]) {
      case (2, 1): return "FULL_AND_PIECEWISE"
      case (2, 0): return "FULL_DECODE_ONLY"
      case (let a, let b) where a == b: return single(a)
      default: return nil
      }
    }
    return nil
  }

  /// Facts in the `non-default args` dict or V0's `args: Namespace(...)`.
  func applyArgs(line: Int) {
    let args = model.config.nonDefaultArgs
    if let v = args["max_num_seqs"].flatMap(PythonRepr.int) { setIfAbsent(\.maxNumSeqs, v, line: line) }
    if let v = args["max_num_batched_tokens"].flatMap(PythonRepr.int) {
      setIfAbsent(\.maxNumBatchedTokens, v, line: line)
    }
    if let v = args["max_model_len"].flatMap(PythonRepr.int) { setIfAbsent(\.maxModelLen, v, line: line) }
    if let v = args["block_size"].flatMap(PythonRepr.int) { setIfAbsent(\.blockSize, v, line: line) }
    if let v = args["gpu_memory_utilization"].flatMap({ Double($0) }) {
      setIfAbsent(\.gpuMemoryUtilization, v, line: line)
    }
    if let v = args["tensor_parallel_size"].flatMap(PythonRepr.int) {
      setIfAbsent(\.tensorParallelSize, v, line: line)
    }
    if let v = args["data_parallel_size"].flatMap(PythonRepr.int) { setIfAbsent(\.dataParallelSize, v, line: line) }
    if let v = args["enforce_eager"].flatMap(PythonRepr.bool) { setIfAbsent(\.enforceEager, v, line: line) }
    if let v = args["enable_prefix_caching"].flatMap(PythonRepr.bool) {
      setIfAbsent(\.enablePrefixCaching, v, line: line)
    }
    if let v = args["kv_cache_dtype"] { setIfAbsent(\.kvCacheDtype, v, line: line) }
    var obs = model.config.observability
    if let v = args["enable_logging_iteration_details"].flatMap(PythonRepr.bool) { obs.iterationDetails = v }
    if let v = args["cudagraph_metrics"].flatMap(PythonRepr.bool) { obs.cudagraphMetrics = v }
    if let v = args["enable_mfu_metrics"].flatMap(PythonRepr.bool) { obs.mfuMetrics = v }
    if let v = args["enable_log_requests"].flatMap(PythonRepr.bool) { obs.logRequests = v }
    if let v = args["disable_log_requests"].flatMap(PythonRepr.bool) { obs.logRequests = !v }
    if let v = args["disable_log_stats"].flatMap(PythonRepr.bool) { obs.disableLogStats = v }
    model.config.observability = obs
  }

  /// Facts that follow from others once the whole log is read.
  func deriveConfig() {
    var config = model.config
    if config.kvCacheTokens == nil, let blocks = config.kvCacheBlocks, let size = config.blockSize {
      config.kvCacheTokens = Sourced(blocks.value * size.value, line: blocks.line)
    }
    if config.maxCudagraphCaptureSize == nil, let sizes = config.cudagraphCaptureSizes, let last = sizes.value.last {
      config.maxCudagraphCaptureSize = Sourced(last, line: sizes.line)
    }
    if config.cudagraphMode == nil, let eager = config.enforceEager, eager.value {
      config.cudagraphMode = Sourced("NONE", line: eager.line)
    }
    let engines = model.engines
    if engines.contains(where: { !$0.steps.isEmpty }) { config.observability.iterationDetails = true }
    if engines.contains(where: { !$0.cudagraphTables.isEmpty }) { config.observability.cudagraphMetrics = true }
    if engines.contains(where: { !$0.mfu.isEmpty }) { config.observability.mfuMetrics = true }
    if model.requests.received > 0 { config.observability.logRequests = true }
    model.config = config
  }
}
