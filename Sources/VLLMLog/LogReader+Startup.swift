import ProfileMateCore

extension LogReader {
  /// Start-up facts (§7, §8); anything else is an unrecognised record.
  func startup(
    _ c: inout ByteCursor, env: LogEnvelope, _ b: UnsafePointer<UInt8>, line: Int, time: Double?, level: LogLevel
  ) -> LineKind {
    guard let first = c.peek() else { return .blank }
    switch first {
    case 0x49:  // I
      if c.consume("Initializing a V1 LLM engine (v") || c.consume("Initializing an LLM engine (v")
        || c.consume("Initializing a V0 LLM engine (v")
      {
        engineConfigLine(text(c), line: line, v1: ByteCursor(b, env.messageStart, c.end).hasPrefix("Initializing a V1"))
        return .engineConfig
      }
      if c.consume("Instantiated ComponentMetrics [") {
        let rest = text(c)
        if let close = rest.firstIndex(of: "]"), let open = rest.firstIndex(of: "(") {
          let name = String(rest[..<close])
          var params: [String: String] = [:]
          let body = rest[rest.index(after: open)...].trimmingCharacters(in: ")")
          for pair in body.split(separator: " ") {
            let kv = pair.split(separator: "=", maxSplits: 1)
            if kv.count == 2 { params[String(kv[0])] = String(kv[1]) }
          }
          model.config.componentMetrics[name] = params
          model.config.observability.mfuMetrics = true
        }
        return .componentMetrics
      }
    case 0x6E:  // n
      if c.consume("non-default args: ") {
        for (key, value) in PythonRepr.dictEntries(text(c)[...]) {
          model.config.nonDefaultArgs[key] = PythonRepr.unquote(value)
        }
        model.config.nonDefaultArgsLine = line
        applyArgs(line: line)
        return .startupFact
      }
    case 0x61:  // a
      if c.consume("args: Namespace(") {
        for (key, value) in PythonRepr.keyValues(text(c).trimmingCharacters(in: ")")[...]) {
          model.config.nonDefaultArgs[key] = PythonRepr.unquote(value)
        }
        model.config.nonDefaultArgsLine = line
        applyArgs(line: line)
        return .startupFact
      }
    case 0x76:  // v
      if c.consume("vLLM API server version ") || c.consume("vLLM server version ") {
        var version = text(c)
        if let comma = version.firstIndex(of: ",") {
          let rest = version[comma...]
          if let range = rest.firstRange(of: "serving model ") {
            setIfAbsent(\.model, String(rest[range.upperBound...]), line: line)
          }
          version = String(version[..<comma])
        }
        setIfAbsent(\.vllmVersion, version.trimmingCharacters(in: " "), line: line)
        return .startupFact
      }
    case 0x55:  // U
      if c.consume("Using max model len ") {
        if let v = c.unsigned() { setIfAbsent(\.maxModelLen, v, line: line) }
        return .startupFact
      }
      if c.consume("Using ") {
        let rest = text(c)
        if let r = rest.firstRange(of: " attention backend") ?? rest.firstRange(of: " backend on V1 engine")
          ?? rest.firstRange(of: " backend.")
        {
          let name = String(rest[..<r.lowerBound])
          if !name.contains(" for ") { setIfAbsent(\.attentionBackend, normalizedBackend(name), line: line) }
          return .startupFact
        }
      }
    case 0x43:  // C
      if c.consume("Chunked prefill is enabled with max_num_batched_tokens=") {
        if let v = c.unsigned() { setIfAbsent(\.maxNumBatchedTokens, v, line: line) }
        setIfAbsent(\.enableChunkedPrefill, true, line: line)
        return .startupFact
      }
    case 0x44:  // D
      if c.consume("Defaulting max_num_batched_tokens to ") {
        if let v = c.unsigned() { setIfAbsent(\.maxNumBatchedTokens, v, line: line) }
        return .startupFact
      }
    case 0x4D:  // M
      if c.consume("Model loading took ") {
        if let gib = c.decimal() { setIfAbsent(\.modelLoadGiB, gib, line: line) }
        if c.seek(past: " and "), let s = c.decimal() { setIfAbsent(\.modelLoadSeconds, s, line: line) }
        return .startupFact
      }
      if c.consume("Maximum concurrency for ") {
        concurrency(&c, line: line)
        return .kvCapacity
      }
      if c.consume("Memory profiling results:") {
        if c.seek(past: "gpu_memory_utilization="), let v = c.decimal() {
          setIfAbsent(\.gpuMemoryUtilization, v, line: line)
        }
        return .startupFact
      }
    case 0x4C:  // L
      if c.consume("Loading model weights took ") {
        if let gb = c.decimal() { setIfAbsent(\.modelLoadGiB, gb, line: line) }
        return .startupFact
      }
    case 0x41:  // A
      if c.consume("Available KV cache memory: ") {
        if let gib = c.decimal() { setIfAbsent(\.availableKVCacheGiB, gib, line: line) }
        return .kvCapacity
      }
      if c.hasPrefix("Available routes are") { return .routes }
      if c.consume("Automatically detected platform ") {
        let platform = text(c).trimmingCharacters(in: ".")
        setIfAbsent(\.device, platform, line: line)
        return .startupFact
      }
    case 0x23:  // #
      if c.consume("# GPU blocks: ") {
        if let v = c.unsigned() { setIfAbsent(\.kvCacheBlocks, v, line: line) }
        return .kvCapacity
      }
    case 0x47:  // G
      if c.consume("Graph capturing finished in ") {
        if let s = c.decimal() { setIfAbsent(\.graphCaptureSeconds, s, line: line) }
        if c.seek(past: "took "), let gib = c.decimal() { setIfAbsent(\.graphCaptureGiB, gib, line: line) }
        return .startupFact
      }
    case 0x69:  // i
      if c.consume("init engine (profile, create kv cache, warmup model) took ") {
        if let s = c.decimal() { setIfAbsent(\.engineInitSeconds, s, line: line) }
        return .startupFact
      }
    case 0x4F:  // O
      if c.consume("Overriding max cuda graph capture size to ") {
        if let v = c.unsigned() { setIfAbsent(\.maxCudagraphCaptureSize, v, line: line) }
        return .startupFact
      }
    case 0x50:  // P
      if v0PrefixHitRate(&c) { return .stats }
    case 0x52:  // R
      if c.hasPrefix("Resolved architecture: ") { return .startupFact }
    case 0x53:  // S
      if c.hasPrefix("Starting vLLM server on ") || c.hasPrefix("Starting vLLM API server") { return .startupFact }
    default:
      break
    }
    // `<DEV> KV cache size: N tokens[, Maximum concurrency for …]` (GPU, CPU, XPU, `GPU + host`).
    var probe = c
    if probe.remaining < 400, probe.seek(past: "KV cache size: "), probe.position - c.position <= 30 {
      if let tokens = probe.groupedUnsigned() { setIfAbsent(\.kvCacheTokens, tokens, line: line) }
      if probe.seek(past: "Maximum concurrency for ") { concurrency(&probe, line: line) }
      return .kvCapacity
    }
    if banner(c, line: line) { return .banner }
    if level == .warning || level == .info || level == .debug {
      if c.hasPrefix("[shutdown]") { return shutdown(line: line, time: time, message: (b, env.messageStart, c.end)) }
    }
    return .otherRecord
  }

  private func concurrency(_ c: inout ByteCursor, line: Int) {
    guard let tokens = c.groupedUnsigned(), c.consume(" tokens per request: "), let x = c.decimal() else { return }
    setIfAbsent(\.maxConcurrencyTokens, tokens, line: line)
    setIfAbsent(\.maxConcurrency, x, line: line)
  }

  /// The ASCII-art logo (v0.16+) carries `version X` and `model M` on two of its lines.
  private func banner(_ c: ByteCursor, line: Int) -> Bool {
    guard
      ByteSearch.find("\u{2588}", in: c.base, from: c.position, to: c.end) != nil
        || ByteSearch.find("\u{2580}", in: c.base, from: c.position, to: c.end) != nil
    else { return false }
    let t = text(c)
    if let r = t.firstRange(of: "version ") {
      let v = t[r.upperBound...].trimmingCharacters(in: " ")
      if !v.isEmpty { setIfAbsent(\.vllmVersion, v, line: line) }
    } else if let r = t.firstRange(of: "model ") {
      let m = t[r.upperBound...].trimmingCharacters(in: " ")
      if !m.isEmpty { setIfAbsent(\.model, m, line: line) }
    }
    return true
  }

  private func normalizedBackend(_ name: String) -> String {
    switch name {
    case "Flash Attention": return "FLASH_ATTN"
    case "FlashInfer": return "FLASHINFER"
    case "Triton": return "TRITON_ATTN"
    default: return name
    }
  }

  /// Sets a fact unless an earlier line already gave it (the first occurrence wins).
  func setIfAbsent<T: Sendable & Equatable>(_ key: WritableKeyPath<EngineConfig, Sourced<T>?>, _ value: T, line: Int) {
    if model.config[keyPath: key] == nil { model.config[keyPath: key] = Sourced(value, line: line) }
  }

  /// Sets a fact, replacing one read earlier (used when a more authoritative line arrives).
  func set<T: Sendable & Equatable>(_ key: WritableKeyPath<EngineConfig, Sourced<T>?>, _ value: T, line: Int) {
    model.config[keyPath: key] = Sourced(value, line: line)
  }
}
