import ProfileMateCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Options for ``LogReader``.
public struct LogReaderOptions: Sendable {
  /// Physical line lengths at which the log was hard-wrapped (see ``WrapDetector``); empty
  /// for a log that was not wrapped.
  public var wrapWidths: Set<Int>
  /// The longest physical line the reader keeps; longer lines are cut and counted.
  public var maxLineBytes: Int

  /// Creates options.
  public init(wrapWidths: Set<Int> = [], maxLineBytes: Int = 1 << 20) {
    self.wrapWidths = wrapWidths
    self.maxLineBytes = maxLineBytes
  }
}

/// Reads a vLLM server log, streamed in chunks of bytes, into a ``RunModel``.
///
/// The reader is pure: it does no I/O. Feed it chunks that end on line boundaries
/// (``feed(_:)`` consumes complete lines and says how many bytes it used), then call
/// ``finish(trailing:)`` with whatever is left. It never fails: lines it does not
/// understand are counted in ``Coverage``.
///
/// ```swift
/// let reader = LogReader(source: "server.log")
/// let used = reader.feed(chunk)      // keep chunk[used...] for the next call
/// let model = reader.finish(trailing: rest)
/// ```
public final class LogReader {
  @exclusivity(unchecked) var model: RunModel
  @exclusivity(unchecked) var clock = TimestampClock()
  let options: LogReaderOptions
  @exclusivity(unchecked) var lineNumber = 0
  @exclusivity(unchecked) var kindCounts = [Int](repeating: 0, count: LineKind.allCases.count)
  /// Engine index → slot in `model.engines` (engine indices are small).
  @exclusivity(unchecked) var engineSlot: [Int] = []
  @exclusivity(unchecked) var lastTime: Double?
  @exclusivity(unchecked) var lastStatsSlot = 0
  @exclusivity(unchecked) var slowestCenti: [Int] = []
  @exclusivity(unchecked) var openTable: OpenTable?
  @exclusivity(unchecked) var mfuDetailsPid: Int?
  @exclusivity(unchecked) var lastErrorKey: ErrorKey?
  @exclusivity(unchecked) var shutdownRecorded = false
  @exclusivity(unchecked) var insideTraceback = false
  /// HTTP access lines by status class (`1xx` … `9xx`); put in the model at the end.
  @exclusivity(unchecked) var httpStatusClasses = [Int](repeating: 0, count: 10)

  let scratch = ByteStore()
  /// A JSON log line's message lines, rebuilt in text form.
  let jsonScratch = ByteStore()
  let pending = ByteStore()
  @exclusivity(unchecked) var pendingLine = 0
  @exclusivity(unchecked) var pendingLastLength = 0

  struct OpenTable {
    var slot: Int
    var pid: Int
    var table: CudaGraphTable
  }

  struct ErrorKey: Equatable {
    var pid: Int
    var fileStart: Int
    var second: Int
    var fileHash: Int
  }

  /// Creates a reader for an input named `source`.
  public init(source: String, options: LogReaderOptions = LogReaderOptions()) {
    model = RunModel(source: source)
    self.options = options
  }

  /// Reads the complete lines in `chunk` and returns how many bytes they took; the rest
  /// (a partial last line) must be passed again, with more bytes, in the next call.
  @discardableResult
  public func feed(_ chunk: UnsafeRawBufferPointer) -> Int {
    guard let base = chunk.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return 0 }
    let n = chunk.count
    var start = 0
    while start < n {
      guard let hit = memchr(base + start, 0x0A, n - start) else { break }
      let end = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
      physicalLine(base, start, end)
      start = end + 1
    }
    return start
  }

  /// Whether ``feed(_:preparsed:)`` may be used: not for hard-wrapped logs, whose lines must be
  /// re-joined in order before they can be read.
  public var acceptsPreparsed: Bool { options.wrapWidths.isEmpty }

  /// Reads `segment`, which must end with a newline, using the iteration lines that
  /// ``LogPreparser/preparse(_:maxLineBytes:)`` read ahead from the same bytes: the same result as
  /// ``feed(_:)`` on the segment, with less work on this thread.
  public func feed(_ segment: UnsafeRawBufferPointer, preparsed: PreparsedSegment) {
    precondition(acceptsPreparsed, "pre-parsed segments need a log without hard wraps")
    guard let b = segment.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
    var p = 0
    for line in preparsed.lines {
      let start = Int(line.start)
      let end = Int(line.end)
      p = Int(line.newline) + 1
      if case .full = line.form {
        physicalLine(b, Int(line.physicalStart), Int(line.newline))
        continue
      }
      lineNumber += 1
      model.coverage.lines += 1
      model.coverage.bytes += Int(line.newline - line.physicalStart) + 1
      switch line.form {
      case .full:
        break
      case .unprefixed:
        count(unprefixed(b, start, end, line: lineNumber))
      case .record(let env):
        count(classify(b, start, end, line: lineNumber, envelope: env))
      case .step(let env, let step, let engine, let viaEnginePrefix):
        let time = bookRecord(env, viaEnginePrefix: viaEnginePrefix)
        addStep(step, engine: engine, line: lineNumber, time: time)
        count(.iteration)
      case .request(let env, let event):
        _ = bookRecord(env, viaEnginePrefix: false)
        switch event {
        case .received: model.requests.received += 1
        case .added: model.requests.added += 1
        case .aborted: model.requests.aborted += 1
        case .finished: model.requests.finished += 1
        }
        count(.request)
      case .http(let status, let generation):
        countHTTP(status: status, generation: generation)
        count(.httpAccess)
      }
    }
    if p < segment.count { feed(UnsafeRawBufferPointer(rebasing: segment[p...])) }
  }

  /// Does for a pre-parsed record (an iteration or request line) what ``record(_:_:_:line:)`` does
  /// before it looks at the message, and returns the record's time.
  private func bookRecord(_ env: LogEnvelope, viaEnginePrefix: Bool) -> Double? {
    let time = clock.seconds(month: env.month, day: env.day, secondOfDay: env.secondOfDay)
    if let time { lastTime = time }
    if let open = openTable, open.pid == env.pid || viaEnginePrefix { closeTable() }
    if let pid = mfuDetailsPid, pid == env.pid { mfuDetailsPid = nil }
    insideTraceback = false
    return time
  }

  /// Reads the first part of a line that is longer than the caller can buffer; the caller
  /// drops the rest of that line. The line counts as over-long.
  public func feedOverlongLine(_ head: UnsafeRawBufferPointer) {
    guard let base = head.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
    model.coverage.overlongLines += 1
    physicalLine(base, 0, min(head.count, options.maxLineBytes))
  }

  /// Reads the last line (one without a trailing newline, possibly empty) and returns the model.
  public func finish(trailing: UnsafeRawBufferPointer) -> RunModel {
    if let base = trailing.baseAddress?.assumingMemoryBound(to: UInt8.self), trailing.count > 0 {
      var start = 0
      let consumed = feed(trailing)
      start = consumed
      if start < trailing.count {
        physicalLine(base, start, trailing.count)
        model.coverage.bytes -= 1  // no newline to count
      }
    }
    flushPending()
    closeTable()
    return finalize()
  }

  /// Reads a whole log held in memory.
  public static func read(_ bytes: [UInt8], source: String = "-") -> RunModel {
    bytes.withUnsafeBytes { raw in
      let widths = WrapDetector.widths(sample: UnsafeRawBufferPointer(rebasing: raw.prefix(4 << 20)))
      let reader = LogReader(source: source, options: LogReaderOptions(wrapWidths: widths))
      let used = reader.feed(raw)
      return reader.finish(trailing: UnsafeRawBufferPointer(rebasing: raw[used...]))
    }
  }

  // MARK: - Physical and logical lines

  func physicalLine(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int) {
    lineNumber += 1
    model.coverage.lines += 1
    model.coverage.bytes += end - start + 1
    var e = end
    if e - start > options.maxLineBytes {
      e = start + options.maxLineBytes
      model.coverage.overlongLines += 1
    }
    if e > start, b[e - 1] == 0x0D { e -= 1 }
    let s = LineForms.afterCollectorTimestamp(b, start, e)
    if options.wrapWidths.isEmpty {
      logicalLine(b, s, e, line: lineNumber)
    } else {
      wrappedPhysicalLine(b, s, e)
    }
  }

  private func wrappedPhysicalLine(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int) {
    let length = end - start
    let parsed = LogEnvelope.parse(b, start, end)
    let envelope = parsed != nil
    if pending.count > 0, !envelope, !LineForms.isStandaloneUnprefixed(b, start, end),
      options.wrapWidths.contains(pendingLastLength), pending.count + length <= options.maxLineBytes
    {
      pending.append(b + start, length)
      pendingLastLength = length
      model.coverage.wrappedLinesJoined += 1
      return
    }
    flushPending()
    if envelope, options.wrapWidths.contains(length) {
      pending.append(b + start, length)
      pendingLine = lineNumber
      pendingLastLength = length
      return
    }
    logicalLine(b, start, end, line: lineNumber)
  }

  func flushPending() {
    guard pending.count > 0 else { return }
    let count = pending.count
    pending.count = 0
    // The pending store is not touched again until this line is done.
    logicalLine(UnsafePointer(pending.pointer), 0, count, line: pendingLine)
  }

  /// One log record or raw line, after re-joining wrapped pieces.
  ///
  /// Colour codes inside the envelope are skipped in place; only a line whose message (or
  /// unparsed text) holds escape codes is copied without them.
  func logicalLine(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int, line: Int) {
    count(kind(b, start, end, line: line))
  }

  /// Reads one logical line and says what it was; counts nothing.
  private func kind(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int, line: Int) -> LineKind {
    let env = LogEnvelope.parse(b, start, end)
    let textStart = env?.messageStart ?? start
    if end > textStart, memchr(b + textStart, 0x1B, end - textStart) != nil {
      let n = ANSI.strip(b, start, end, into: scratch)
      return classify(UnsafePointer(scratch.pointer), 0, n, line: line, envelope: nil)
    }
    return classify(b, start, end, line: line, envelope: env)
  }

  /// A line of vLLM's JSON logging: each line of its message is read in the text form it would have
  /// had (the formatter's `NewLineFormatter` repeats the prefix per line); the line counts as the kind
  /// of its first message line.
  func jsonRecord(_ record: JSONLogLine, line: Int) -> LineKind {
    let prefix = record.prefix
    var first: LineKind?
    var from = 0
    let message = record.message
    while from <= message.count {
      var to = from
      while to < message.count, message[to] != 0x0A { to += 1 }
      var pieceEnd = to
      if pieceEnd > from, message[pieceEnd - 1] == 0x0D { pieceEnd -= 1 }
      jsonScratch.count = 0
      prefix.withUnsafeBufferPointer { jsonScratch.append($0.baseAddress!, $0.count) }
      if pieceEnd > from {
        message.withUnsafeBufferPointer { jsonScratch.append($0.baseAddress! + from, pieceEnd - from) }
      }
      let k = kind(UnsafePointer(jsonScratch.pointer), 0, jsonScratch.count, line: line)
      if first == nil { first = k }
      from = to + 1
    }
    return first ?? .otherRecord
  }

  /// Reads one clean (ANSI-free) line and says what it was; counts nothing.
  func classify(
    _ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int, line: Int, envelope: LogEnvelope? = nil
  ) -> LineKind {
    guard let env = envelope ?? LogEnvelope.parse(b, start, end) else { return unprefixed(b, start, end, line: line) }
    guard env.isRecord else { return rawPrefixed(env, b, end, line: line) }
    let kind = record(env, b, end, line: line)
    if kind == .otherRecord, env.level == .warning {
      // A warning the reader has no form for is still evidence: keep it as an event.
      addEvent(.warning, line: line, time: lastTime, message: (b, env.messageStart, end))
    }
    return kind
  }

  @inline(__always)
  func count(_ kind: LineKind) {
    kindCounts[kind.rawValue] += 1
  }

  /// Counts an HTTP access line.
  @inline(__always)
  func countHTTP(status: Int, generation: Bool) {
    httpStatusClasses[min(max(status / 100, 0), 9)] += 1
    if generation { model.requests.httpGenerationRequests += 1 }
  }

  // MARK: - Engines

  /// The slot of engine `index`, creating its trace on first use.
  @inline(__always)
  func slot(forEngine index: Int) -> Int {
    if index < engineSlot.count, engineSlot[index] >= 0 { return engineSlot[index] }
    return makeSlot(index)
  }

  private func makeSlot(_ index: Int) -> Int {
    let safeIndex = max(0, min(index, 4095))
    if safeIndex >= engineSlot.count {
      engineSlot.append(contentsOf: repeatElement(-1, count: safeIndex + 1 - engineSlot.count))
    }
    if engineSlot[safeIndex] >= 0 { return engineSlot[safeIndex] }
    model.engines.append(EngineTrace(index: safeIndex))
    engineSlot[safeIndex] = model.engines.count - 1
    return model.engines.count - 1
  }

  /// The engine a record belongs to when it has no `Engine NNN:` prefix: the data-parallel
  /// rank in an `EngineCore_DP<k>` / `EngineCore_<k>` process name, else 0.
  func engineFromProcess(_ env: LogEnvelope, _ b: UnsafePointer<UInt8>) -> Int {
    Self.engine(ofProcess: env, b)
  }

  @inline(__always)
  static func engine(ofProcess env: LogEnvelope, _ b: UnsafePointer<UInt8>) -> Int {
    guard env.hasProcess else { return 0 }
    var c = ByteCursor(b, env.processStart, env.processEnd)
    guard c.consume("EngineCore_") else { return 0 }
    _ = c.consume("DP")
    return c.unsigned() ?? 0
  }

  // MARK: - Finishing

  private func finalize() -> RunModel {
    var byKind: [String: Int] = [:]
    var recognized = 0
    var unrecognized = 0
    for kind in LineKind.allCases where kindCounts[kind.rawValue] > 0 {
      byKind[kind.name] = kindCounts[kind.rawValue]
      if kind.isRecognized {
        recognized += kindCounts[kind.rawValue]
      } else {
        unrecognized += kindCounts[kind.rawValue]
      }
    }
    // Physical lines joined into a wrapped record count as part of that record.
    if model.coverage.wrappedLinesJoined > 0 { byKind["wrapped_continuation"] = model.coverage.wrappedLinesJoined }
    model.coverage.byKind = byKind
    for (c, n) in httpStatusClasses.enumerated() where n > 0 {
      model.requests.httpByStatusClass["\(c)xx", default: 0] += n
    }
    model.coverage.recognized = recognized + model.coverage.wrappedLinesJoined
    model.coverage.unrecognized = unrecognized
    model.coverage.timestampRegressions = clock.regressions
    if let first = clock.first, let last = clock.latest { model.timeSpanSeconds = last - first }
    model.engines.sort { $0.index < $1.index }
    deriveConfig()
    return model
  }
}
