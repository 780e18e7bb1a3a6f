#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The log level of a record.
enum LogLevel: UInt8 {
  case debug, info, warning, error, critical
}

/// The parts of one physical log line around its message (spec §0.1), as byte offsets.
///
/// Handles every vLLM format: `LEVEL MM-DD HH:MM:SS file.py:N] msg` (≤ v0.7),
/// `LEVEL MM-DD HH:MM:SS [file.py:N] msg` (v0.8+, with repo-relative paths at DEBUG), and
/// one or more `(Name pid=N[, ip=…]) ` process prefixes before it (v0.10.1+, Ray).
struct LogEnvelope {
  /// The first process prefix's name (`EngineCore_DP0`), as an offset range; empty when absent.
  var processStart = 0
  var processEnd = 0
  /// The pid of the first process prefix, or -1.
  var pid = -1
  /// The level, when the line is a log record (a prefixed raw print has none).
  var level: LogLevel?
  /// Timestamp fields.
  var month = 0
  var day = 0
  var secondOfDay = 0
  /// `[file:line]` as an offset range (without brackets and line number).
  var fileStart = 0
  var fileEnd = 0
  /// Where the message starts.
  var messageStart = 0

  var hasProcess: Bool { processEnd > processStart }
  var isRecord: Bool { level != nil }

  /// Parses `bytes[start..<end]`; returns nil when the line has neither a process prefix
  /// nor a level + timestamp. ANSI colour codes between the prefix's parts (vLLM colours the
  /// process name, level, timestamp and file) are skipped without copying the line.
  static func parse(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> LogEnvelope? {
    var env = LogEnvelope()
    var i = skipColour(b, start, end)
    // Process prefixes: "(Name pid=N) " possibly repeated (Ray nests them).
    while i < end, b[i] == 0x28 {  // (
      guard let (close, nameEnd, pid) = processPrefix(b, i, end) else { break }
      // The first prefix names the process, unless a nested one names the engine core.
      if !env.hasProcess || (!isEngineCore(b, env.processStart, env.processEnd) && isEngineCore(b, i + 1, nameEnd)) {
        env.processStart = i + 1
        env.processEnd = nameEnd
        env.pid = pid
      }
      i = skipColour(b, close + 1, end)
      while i < end, b[i] == 0x20 { i += 1 }
      i = skipColour(b, i, end)
    }
    let afterPrefix = i
    guard let (level, levelEnd) = parseLevel(b, i, end) else {
      guard env.hasProcess else { return nil }
      env.messageStart = afterPrefix
      return env
    }
    // Timestamp "MM-DD HH:MM:SS" then a space (colour codes may surround it).
    var t = skipColour(b, levelEnd, end)
    if t < end, b[t] == 0x20 { t += 1 }
    t = skipColour(b, t, end)
    guard end - t >= 15, isDigit(b[t]), isDigit(b[t + 1]), b[t + 2] == 0x2D, isDigit(b[t + 3]),
      isDigit(b[t + 4]), b[t + 5] == 0x20, isDigit(b[t + 6]), isDigit(b[t + 7]), b[t + 8] == 0x3A,
      isDigit(b[t + 9]), isDigit(b[t + 10]), b[t + 11] == 0x3A, isDigit(b[t + 12]), isDigit(b[t + 13])
    else {
      guard env.hasProcess else { return nil }
      env.messageStart = afterPrefix
      return env
    }
    env.month = two(b, t)
    env.day = two(b, t + 3)
    env.secondOfDay = two(b, t + 6) * 3600 + two(b, t + 9) * 60 + two(b, t + 12)
    // File info: "[file:N] " or "file:N] ".
    var f = skipColour(b, t + 14, end)
    guard f < end, b[f] == 0x20 else {
      guard env.hasProcess else { return nil }
      env.messageStart = afterPrefix
      return env
    }
    f = skipColour(b, f + 1, end)
    if f < end, b[f] == 0x5B { f += 1 }
    let limit = min(end, f + 400)
    var close = limit
    var from = f
    while from < limit, let hit = memchr(b + from, 0x5D, limit - from) {
      let at = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - b
      if at + 1 == end || b[at + 1] == 0x20 || b[at + 1] == 0x1B {
        close = at
        break
      }
      from = at + 1
    }
    guard close < limit else {
      guard env.hasProcess else { return nil }
      env.messageStart = afterPrefix
      return env
    }
    var colon = close - 1
    while colon > f, b[colon] != 0x3A { colon -= 1 }
    env.fileStart = f
    env.fileEnd = colon > f ? colon : close
    env.level = level
    var m = skipColour(b, close + 1, end)
    if m < end, b[m] == 0x20 { m += 1 }
    env.messageStart = min(end, m)
    return env
  }

  /// Skips ANSI CSI sequences (`ESC [ params final`) starting at `i`.
  @inline(__always)
  static func skipColour(_ b: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> Int {
    var i = i
    while i + 1 < end, b[i] == 0x1B, b[i + 1] == 0x5B {
      i += 2
      while i < end, b[i] < 0x40 || b[i] > 0x7E { i += 1 }
      i += 1
    }
    return min(i, end)
  }

  /// Reads `(Name pid=N)` or `(Name pid=N, ip=…)` at `open`: the closing parenthesis,
  /// the end of the name, and the pid.
  @inline(__always)
  private static func processPrefix(_ b: UnsafePointer<UInt8>, _ open: Int, _ end: Int) -> (Int, Int, Int)? {
    let limit = min(end, open + 160)
    var j = open + 1
    while j < limit, b[j] != 0x20 {
      if b[j] == 0x28 || b[j] == 0x29 { return nil }
      j += 1
    }
    let nameEnd = j
    guard nameEnd > open + 1 else { return nil }
    var c = ByteCursor(b, nameEnd, limit)
    // ≤ v0.10.0 workers: `(VllmWorker rank=N pid=P)`.
    if c.consume(" rank=") { guard c.unsigned() != nil else { return nil } }
    guard c.consume(" pid="), let pid = c.unsigned() else { return nil }
    var k = c.position
    while k < limit, b[k] != 0x29 {
      if b[k] == 0x28 { return nil }
      k += 1
    }
    guard k < limit else { return nil }
    return (k, nameEnd, pid)
  }

  /// Whether the name at `start..<end` is an engine core's (`EngineCore`, `EngineCore_DP1`).
  @inline(__always)
  static func isEngineCore(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    ByteCursor(b, start, end).hasPrefix("EngineCore")
  }

  @inline(__always)
  private static func parseLevel(_ b: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> (LogLevel, Int)? {
    guard i < end else { return nil }
    var c = ByteCursor(b, i, end)
    switch b[i] {
    case 0x49: if c.consume("INFO") { return levelEnd(.info, c) }
    case 0x44: if c.consume("DEBUG") { return levelEnd(.debug, c) }
    case 0x57: if c.consume("WARNING") { return levelEnd(.warning, c) }
    case 0x45: if c.consume("ERROR") { return levelEnd(.error, c) }
    case 0x43: if c.consume("CRITICAL") { return levelEnd(.critical, c) }
    default: break
    }
    return nil
  }

  /// The level word must be followed by a space or a colour code (not `INFO:` of uvicorn).
  @inline(__always)
  private static func levelEnd(_ level: LogLevel, _ c: ByteCursor) -> (LogLevel, Int)? {
    guard let next = c.peek(), next == 0x20 || next == 0x1B else { return nil }
    return (level, c.position)
  }

  @inline(__always)
  private static func isDigit(_ c: UInt8) -> Bool { c &- 0x30 <= 9 }

  @inline(__always)
  private static func two(_ b: UnsafePointer<UInt8>, _ i: Int) -> Int {
    Int(b[i] - 0x30) * 10 + Int(b[i + 1] - 0x30)
  }
}
