import ProfileMateCore

extension LogReader {
  /// Reads one log record (a line with level and timestamp) and says what it was.
  func record(_ env: LogEnvelope, _ b: UnsafePointer<UInt8>, _ end: Int, line: Int) -> LineKind {
    let time = clock.seconds(month: env.month, day: env.day, secondOfDay: env.secondOfDay)
    if let time { lastTime = time }
    var c = ByteCursor(b, env.messageStart, end)

    if let open = openTable {
      if open.pid == env.pid, let kind = tableLine(&c, line: line) { return kind }
      if open.pid == env.pid || c.hasPrefix("Engine ") { closeTable() }
    }
    if let pid = mfuDetailsPid, pid == env.pid {
      if c.isAtEnd || c.peek() == 0x20 || c.peek() == 0x22 || c.peek() == 0x7D || c.peek() == 0x7B {
        if c.peek() == 0x7D, c.remaining == 1 { mfuDetailsPid = nil }
        return .mfuDetails
      }
      mfuDetailsPid = nil
    }

    let level = env.level ?? .info
    if level == .error || level == .critical {
      return errorRecord(env, b, &c, line: line, time: time)
    }
    insideTraceback = false
    guard let first = c.peek() else { return .otherRecord }
    switch first {
    case 0x45:  // E
      if c.consume("Engine ") {
        var engine = c
        if let index = engine.unsigned(), engine.consume(": ") {
          return engineMessage(index: index, &engine, env, line: line, time: time, level: level)
        }
      }
    case 0x49:  // I
      if c.hasPrefix("Iteration(") {
        return iteration(&c, engine: engineFromProcess(env, b), line: line, time: time)
      }
    case 0x41:  // A
      if c.hasPrefix("Avg prompt throughput: ") {
        return stats(
          &c, slot: slot(forEngine: engineFromProcess(env, b)), aggregated: false, line: line,
          time: time, debug: level == .debug)
      }
      if c.hasPrefix("Added request ") || c.hasPrefix("Aborted request ") {
        if c.hasPrefix("Added") { model.requests.added += 1 } else { model.requests.aborted += 1 }
        return .request
      }
    case 0x52:  // R
      if c.hasPrefix("Received request ") {
        model.requests.received += 1
        return .request
      }
      if c.hasPrefix("Running: ") {
        return stats(
          &c, slot: slot(forEngine: engineFromProcess(env, b)), aggregated: false, line: line,
          time: time, debug: level == .debug)
      }
      if c.hasPrefix("Route: ") { return .routes }
    case 0x46:  // F
      if c.hasPrefix("Finished request ") {
        model.requests.finished += 1
        return .request
      }
    case 0x53:  // S
      if c.hasPrefix("Sequence group "), c.seek(past: " is preempted by ") {
        return v0Preemption(&c, line: line, time: time, message: (b, env.messageStart, end))
      }
      if c.hasPrefix("SpecDecoding metrics: ") || c.hasPrefix("Speculative metrics: ") {
        model.engines[slot(forEngine: lastStatsEngineIndex)].specDecodeLines += 1
        return .specDecode
      }
    case 0x30...0x39:
      var n = c
      if n.unsigned() != nil, n.consume(" Engines Aggregated: ") {
        return stats(&n, slot: nil, aggregated: true, line: line, time: time, debug: level == .debug)
      }
    case 0x2A, 0x2D, 0x7C:  // * - |  (a CUDA-graph table without an open block)
      if c.hasPrefix("**CUDAGraph Config Settings:**") || c.hasPrefix("**CUDAGraph Stats:**") {
        openTableBlock(pid: env.pid, line: line, time: time)
        return tableLine(&c, line: line) ?? .cudagraphTable
      }
    case 0x5B:  // [
      if c.hasPrefix("[shutdown]") { return shutdown(line: line, time: time, message: (b, env.messageStart, end)) }
    default:
      break
    }
    if c.hasPrefix("MFU") {
      return mfuMessage(
        &c, slot: slot(forEngine: engineFromProcess(env, b)), env: env,
        line: line, time: time)
    }
    return startup(&c, env: env, b, line: line, time: time, level: level)
  }

  var lastStatsEngineIndex: Int {
    model.engines.isEmpty ? 0 : model.engines[lastStatsSlot].index
  }

  /// A message after `Engine NNN: `.
  private func engineMessage(
    index: Int, _ c: inout ByteCursor, _ env: LogEnvelope, line: Int, time: Double?, level: LogLevel
  ) -> LineKind {
    switch c.peek() {
    case 0x49:
      if c.hasPrefix("Iteration(") { return iteration(&c, engine: index, line: line, time: time) }
    case 0x41:
      if c.hasPrefix("Avg prompt throughput: ") {
        return stats(
          &c, slot: slot(forEngine: index), aggregated: false, line: line, time: time,
          debug: level == .debug)
      }
    case 0x4D:
      return mfuMessage(&c, slot: slot(forEngine: index), env: env, line: line, time: time)
    case 0x76:
      if c.consume("vllm cache_config_info with initialization after num_gpu_blocks is: "),
        let blocks = c.unsigned()
      {
        if model.config.kvCacheBlocks == nil { model.config.kvCacheBlocks = Sourced(blocks, line: line) }
        return .kvCapacity
      }
    default:
      break
    }
    return .otherRecord
  }

  // MARK: - Iteration lines (§2)

  func iteration(_ c: inout ByteCursor, engine: Int, line: Int, time: Double?) -> LineKind {
    guard let step = IterationLine.parse(&c) else { return .otherRecord }
    addStep(step, engine: engine, line: line, time: time)
    return .iteration
  }

  /// Adds a step read from an iteration line to its engine's trace.
  func addStep(_ step: IterationLine, engine: Int, line: Int, time: Double?) {
    let s = slot(forEngine: engine)
    let record = step.record
    if let pct = record.kvUsagePct, pct > (model.engines[s].maxStepKVUsagePct?.value ?? -1) {
      model.engines[s].maxStepKVUsagePct = Sourced(pct, line: line)
    }
    if step.saturated { model.coverage.saturatedSteps += 1 }
    let index = model.engines[s].steps.count
    model.engines[s].steps.append(record)
    if model.engines[s].firstStepLine == nil { model.engines[s].firstStepLine = line }
    model.engines[s].lastStepLine = line
    while slowestCenti.count <= s { slowestCenti.append(-1) }
    if step.centi > slowestCenti[s] {
      slowestCenti[s] = step.centi
      model.engines[s].slowestStepLine = line
    }
    if let time {
      let t = Float(time)
      if model.engines[s].stepTimes.last?.time != t {
        model.engines[s].stepTimes.append(StepTimeAnchor(index: Int32(truncatingIfNeeded: index), time: t))
      }
    }
  }

  // MARK: - Stats lines (§1)

  /// Reads a periodic stats line: V0, V1 fixed and V1 composable forms.
  func stats(
    _ c: inout ByteCursor, slot s: Int?, aggregated: Bool, line: Int, time: Double?, debug: Bool
  ) -> LineKind {
    var sample = StatsSample(
      time: time, line: line, promptThroughput: 0, generationThroughput: 0, running: 0, waiting: 0)
    sample.isDebug = debug
    var sawRunning = false
    var sawWaiting = false
    var sawDeviceKV = false
    var isV0 = false
    while !c.isAtEnd {
      if c.consume("Avg prompt throughput: ") {
        guard let v = c.decimal() else { break }
        sample.promptThroughput = v
      } else if c.consume("Avg generation throughput: ") {
        guard let v = c.decimal() else { break }
        sample.generationThroughput = v
      } else if c.consume("Running: ") {
        guard let v = c.unsigned() else { break }
        sample.running = v
        sawRunning = true
      } else if c.consume("Waiting: ") || c.consume("Pending: ") {
        guard let v = c.unsigned() else { break }
        sample.waiting = v
        sawWaiting = true
      } else if c.consume("Swapped: ") {
        sample.swapped = c.unsigned()
        isV0 = true
      } else if c.consume("Deferred: ") {
        sample.deferred = c.unsigned()
      } else if c.consume("Preemptions: ") {
        sample.preemptions = c.unsigned() ?? 0
      } else if c.consume("KV fetch: ") {
        var stages: [Int] = []
        for _ in 0..<3 {
          guard let v = c.unsigned() else { break }
          stages.append(v)
          while !c.isAtEnd, c.peek() != 0x2C { c.position += 1 }
          if stages.count < 3 { _ = c.consume(", ") }
        }
        sample.kvFetch = stages
      } else if c.consume("Prefix cache hit rate: ") {
        sample.prefixCacheHitRatePct = c.decimal()
      } else if c.consume("External prefix cache hit rate: ") {
        sample.externalPrefixCacheHitRatePct = c.decimal()
      } else if c.consume("MM cache hit rate: ") || c.consume("Corrupted: ") {
        _ = c.decimal()
      } else if let pct = kvUsagePart(&c) {
        if isV0 && sawDeviceKV {
          sample.cpuKVUsagePct = pct
        } else if !sawDeviceKV {
          sample.kvUsagePct = pct
          sawDeviceKV = true
        }
      } else {
        // Unknown part (a future version): skip to the next ", ".
        guard c.seek(past: ", ") else { break }
        continue
      }
      // Separator: ", " normally; " " before `GPU KV cache usage` in v0.7.1–v0.7.2.
      _ = c.consume(byte: 0x25)  // %
      _ = c.consume(" reqs")
      _ = c.consume(" tokens/s")
      if !c.consume(", ") {
        if !c.consume(byte: 0x20) { break }
      }
    }
    // A line cut before its queue figures (a truncated file) is not a sample, nor one with a
    // figure that is not a finite number (vLLM prints none; damaged input can).
    guard sawRunning, sawWaiting, sample.hasFiniteFigures else { return .otherRecord }
    if aggregated {
      model.aggregatedStats.append(sample)
      return .aggregatedStats
    }
    guard let s else { return .otherRecord }
    model.engines[s].stats.append(sample)
    lastStatsSlot = s
    return .stats
  }

  /// Reads `<DEV> KV cache usage: X` (DEV = GPU, CPU, XPU, …); nil when not that part.
  private func kvUsagePart(_ c: inout ByteCursor) -> Double? {
    var probe = c
    var n = 0
    while let ch = probe.peek(), ch != 0x2C, n < 24 {
      if probe.hasPrefix(" KV cache usage: ") {
        probe.position += 17
        guard let v = probe.decimal() else { return nil }
        c = probe
        return v
      }
      probe.position += 1
      n += 1
    }
    return nil
  }

  /// A separate V0 `Prefix cache hit rate: GPU: X%, CPU: Y%` line belongs to the last sample.
  func v0PrefixHitRate(_ c: inout ByteCursor) -> Bool {
    guard c.consume("Prefix cache hit rate: GPU: "), let v = c.decimal() else { return false }
    if !model.engines.isEmpty, let last = model.engines[lastStatsSlot].stats.indices.last {
      model.engines[lastStatsSlot].stats[last].prefixCacheHitRatePct = v
    }
    return true
  }

  // MARK: - MFU (§4.1)

  func mfuMessage(_ c: inout ByteCursor, slot s: Int, env: LogEnvelope, line: Int, time: Double?) -> LineKind {
    if c.consume("MFU: ") {
      guard let tf = c.decimal(), c.consume(" TF/s/"), c.seek(byte: 0x20) else { return .otherRecord }
      c.position += 1
      guard let gb = c.decimal(), c.consume(" GB/s/") else { return .otherRecord }
      model.engines[s].mfu.append(MFUSample(line: line, time: time, tflopsPerGPU: tf, gbpsPerGPU: gb))
      return .mfu
    }
    if c.consume("MFU details: {") {
      model.engines[s].mfuDetailBlocks += 1
      model.config.observability.debugMFU = true
      mfuDetailsPid = env.pid
      return .mfuDetails
    }
    return .otherRecord
  }

  // MARK: - V0 preemption warnings

  private func v0Preemption(
    _ c: inout ByteCursor, line: Int, time: Double?, message: (UnsafePointer<UInt8>, Int, Int)
  ) -> LineKind {
    if c.seek(past: "total_num_cumulative_preemption="), let n = c.unsigned() {
      model.v0CumulativePreemptions = max(model.v0CumulativePreemptions ?? 0, n)
    }
    addEvent(.preemption, line: line, time: time, message: message)
    return .preemption
  }
}
