import ProfileMateCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension LogReader {
  /// Records an event; all are counted, the first ``RunModel/eventLimit`` of a kind are kept.
  func addEvent(_ kind: LogEvent.Kind, line: Int, time: Double?, message: (UnsafePointer<UInt8>, Int, Int)) {
    let n = model.eventCounts[kind, default: 0]
    model.eventCounts[kind] = n + 1
    guard n < RunModel.eventLimit else { return }
    let (b, start, end) = message
    let length = min(end - start, 300)
    var text = String(decoding: UnsafeBufferPointer(start: b + start, count: max(0, length)), as: UTF8.self)
    if end - start > 300 { text += "…" }
    model.events.append(LogEvent(kind: kind, line: line, time: time ?? lastTime, message: text))
  }

  /// An ERROR or CRITICAL record. The lines of one multi-line error (a logged traceback)
  /// share pid, timestamp and source location; they make one error event.
  func errorRecord(
    _ env: LogEnvelope, _ b: UnsafePointer<UInt8>, _ c: inout ByteCursor, line: Int, time: Double?
  ) -> LineKind {
    var hash = 0
    for i in env.fileStart..<min(env.fileEnd + 8, c.position) { hash = hash &* 31 &+ Int(b[i]) }
    let key = ErrorKey(pid: env.pid, fileStart: 0, second: env.secondOfDay, fileHash: hash)
    let message = (b, env.messageStart, c.end)
    if lastErrorKey != key {
      lastErrorKey = key
      insideTraceback = false
      addEvent(.error, line: line, time: time, message: message)
    }
    if c.hasPrefix("Traceback (most recent call last)") {
      insideTraceback = true
      addEvent(.traceback, line: line, time: time, message: message)
    }
    signatures(b, env.messageStart, c.end, line: line, time: time)
    return .errorRecord
  }

  /// Looks for known failure signatures in a line of error text.
  func signatures(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int, line: Int, time: Double?) {
    let message = (b, start, end)
    if ByteSearch.find("perf_stats.debug_stats", in: b, from: start, to: end) != nil
      || ByteSearch.find("unsupported operand type(s) for +: 'int' and 'list'", in: b, from: start, to: end)
        != nil
    {
      addEvent(.mfuDebugCrash, line: line, time: time, message: message)
      model.config.observability.debugMFU = true
    }
    if ByteSearch.find("out of memory", in: b, from: start, to: end) != nil
      || ByteSearch.find("OutOfMemoryError", in: b, from: start, to: end) != nil
    {
      addEvent(.outOfMemory, line: line, time: time, message: message)
    }
    if ByteSearch.find(
      "KV cache is needed, which is larger than the available KV cache memory", in: b, from: start, to: end)
      != nil
      || ByteSearch.find(
        "larger than the maximum number of tokens that can be stored in KV cache", in: b, from: start, to: end)
        != nil
    {
      addEvent(.kvCacheTooSmall, line: line, time: time, message: message)
    }
    if ByteSearch.find("EngineDeadError", in: b, from: start, to: end) != nil
      || ByteSearch.find("EngineCore encountered a fatal error", in: b, from: start, to: end) != nil
      || ByteSearch.find("died unexpectedly", in: b, from: start, to: end) != nil
    {
      addEvent(.engineDead, line: line, time: time, message: message)
    }
  }

  /// The first shutdown line makes an event; the rest are counted.
  func shutdown(line: Int, time: Double?, message: (UnsafePointer<UInt8>, Int, Int)) -> LineKind {
    if !shutdownRecorded {
      shutdownRecorded = true
      addEvent(.shutdown, line: line, time: time, message: message)
    }
    return .shutdown
  }

  /// A line with a process prefix but no level: a raw print, a progress bar, a uvicorn line.
  func rawPrefixed(_ env: LogEnvelope, _ b: UnsafePointer<UInt8>, _ end: Int, line: Int) -> LineKind {
    let start = env.messageStart
    if start >= end { return .progress }  // the prefix alone, before a bar written on the next line
    if b[start] == 0x0D { return progressOrGlued(b, start, end, line: line) }
    if b[start] == 0x49, ByteCursor(b, start, end).hasPrefix("INFO:") { return unprefixed(b, start, end, line: line) }
    return unprefixed(b, start, end, line: line)
  }

  /// A line with no vLLM envelope.
  func unprefixed(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int, line: Int) -> LineKind {
    var first = start
    while first < end, b[first] == 0x20 || b[first] == 0x09 { first += 1 }
    guard first < end else { return .blank }
    if b[first] == 0x7B, let record = JSONLogLine.parse(b, first, end) { return jsonRecord(record, line: line) }
    var c = ByteCursor(b, start, end)
    if c.consume("INFO:") {
      if let access = LineForms.httpAccess(b, c.position, end) {
        countHTTP(status: access.status, generation: access.generation)
        return .httpAccess
      }
      c.skipSpaces()
      if c.hasPrefix("Shutting down") { return shutdown(line: line, time: lastTime, message: (b, start, end)) }
      return .uvicorn
    }
    if memchr(b + start, 0x0D, end - start) != nil { return progressOrGlued(b, start, end, line: line) }
    if c.hasPrefix("Traceback (most recent call last)") {
      insideTraceback = true
      addEvent(.traceback, line: line, time: lastTime, message: (b, start, end))
      return .traceback
    }
    if insideTraceback, b[start] == 0x20 || !c.hasPrefix("(") {
      signatures(b, start, end, line: line, time: lastTime)
      if b[start] == 0x20 { return .traceback }
      insideTraceback = false
      return .traceback  // the exception line that ends a traceback
    }
    if isProgressBar(b, start, end) { return .progress }
    signatures(b, start, end, line: line, time: lastTime)
    if memchr(b + start, 0, end - start) != nil { model.coverage.binaryLines += 1 }
    return .unrecognized
  }

  /// A line of `\r`-separated progress-bar states; a log record glued after one is read.
  private func progressOrGlued(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int, line: Int) -> LineKind {
    var segmentStart = start
    var best = LineKind.progress
    while segmentStart < end {
      var segmentEnd = end
      if let hit = memchr(b + segmentStart, 0x0D, end - segmentStart) {
        segmentEnd = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - b
      }
      if segmentEnd > segmentStart, let env = LogEnvelope.parse(b, segmentStart, segmentEnd), env.isRecord {
        best = record(env, b, segmentEnd, line: line)
      }
      segmentStart = segmentEnd + 1
    }
    return best
  }

  /// tqdm's `desc: 42%|████ | 5/12 [00:01<00:02, 3.1it/s]` without a leading `\r`.
  private func isProgressBar(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    ByteSearch.find("it/s]", in: b, from: start, to: end) != nil
      || ByteSearch.find("s/it]", in: b, from: start, to: end) != nil
      || ByteSearch.find("?it/s]", in: b, from: start, to: end) != nil
  }
}
