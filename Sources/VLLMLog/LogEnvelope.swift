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
  /// nor a level + timestamp.
  static func parse(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> LogEnvelope? {
    var env = LogEnvelope()
    var i = start
    // Process prefixes: "(Name pid=N) " possibly repeated (Ray nests them).
    while i < end, b[i] == 0x28 {  // (
      guard let close = prefixClose(b, i, end) else { break }
      if !env.hasProcess {
        var nameEnd = i + 1
        while nameEnd < close, b[nameEnd] != 0x20 { nameEnd += 1 }
        env.processStart = i + 1
        env.processEnd = nameEnd
        var c = ByteCursor(b, nameEnd, close)
        if c.seek(past: "pid="), let pid = c.unsigned() { env.pid = pid }
      }
      i = close + 1
      while i < end, b[i] == 0x20 { i += 1 }
    }
    guard let (level, afterLevel) = parseLevel(b, i, end) else {
      guard env.hasProcess else { return nil }
      env.messageStart = i
      return env
    }
    // Timestamp "MM-DD HH:MM:SS " (15 bytes).
    let t = afterLevel
    guard end - t >= 16, isDigit(b[t]), isDigit(b[t + 1]), b[t + 2] == 0x2D, isDigit(b[t + 3]),
      isDigit(b[t + 4]), b[t + 5] == 0x20, isDigit(b[t + 6]), isDigit(b[t + 7]), b[t + 8] == 0x3A,
      isDigit(b[t + 9]), isDigit(b[t + 10]), b[t + 11] == 0x3A, isDigit(b[t + 12]), isDigit(b[t + 13]),
      b[t + 14] == 0x20
    else {
      guard env.hasProcess else { return nil }
      env.messageStart = i
      return env
    }
    env.month = two(b, t)
    env.day = two(b, t + 3)
    env.secondOfDay = two(b, t + 6) * 3600 + two(b, t + 9) * 60 + two(b, t + 12)
    // File info: "[file:N] " or "file:N] ".
    var f = t + 15
    let bracketed = b[f] == 0x5B
    if bracketed { f += 1 }
    let limit = min(end, f + 400)
    var close = f
    while close < limit, !(b[close] == 0x5D && (close + 1 == end || b[close + 1] == 0x20)) { close += 1 }
    guard close < limit else {
      guard env.hasProcess else { return nil }
      env.messageStart = i
      return env
    }
    var colon = close - 1
    while colon > f, b[colon] != 0x3A { colon -= 1 }
    env.fileStart = f
    env.fileEnd = colon > f ? colon : close
    env.level = level
    env.messageStart = min(end, close + 2)
    return env
  }

  /// Like ``parse(_:_:_:)`` but first removes ANSI colour codes (into `store`) when the line
  /// has any; only the result's flags are meaningful, its offsets refer to `store`.
  static func parseIgnoringColour(
    _ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int, store: ByteStore
  ) -> LogEnvelope? {
    guard end > start, memchr(b + start, 0x1B, end - start) != nil else { return parse(b, start, end) }
    let n = ANSI.strip(b, start, end, into: store)
    return parse(UnsafePointer(store.pointer), 0, n)
  }

  /// The `)` that closes a `(Name pid=N…)` prefix starting at `open`.
  private static func prefixClose(_ b: UnsafePointer<UInt8>, _ open: Int, _ end: Int) -> Int? {
    let limit = min(end, open + 160)
    var j = open + 1
    var sawPid = false
    while j < limit {
      let c = b[j]
      if c == 0x29 { return sawPid ? j : nil }
      if c == 0x70, j + 4 <= limit, b[j + 1] == 0x69, b[j + 2] == 0x64, b[j + 3] == 0x3D { sawPid = true }
      if c == 0x28 { return nil }
      j += 1
    }
    return nil
  }

  @inline(__always)
  private static func parseLevel(_ b: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> (LogLevel, Int)? {
    guard i < end else { return nil }
    var c = ByteCursor(b, i, end)
    switch b[i] {
    case 0x49: if c.consume("INFO ") { return (.info, c.position) }
    case 0x44: if c.consume("DEBUG ") { return (.debug, c.position) }
    case 0x57: if c.consume("WARNING ") { return (.warning, c.position) }
    case 0x45: if c.consume("ERROR ") { return (.error, c.position) }
    case 0x43: if c.consume("CRITICAL ") { return (.critical, c.position) }
    default: break
    }
    return nil
  }

  @inline(__always)
  private static func isDigit(_ c: UInt8) -> Bool { c &- 0x30 <= 9 }

  @inline(__always)
  private static func two(_ b: UnsafePointer<UInt8>, _ i: Int) -> Int {
    Int(b[i] - 0x30) * 10 + Int(b[i + 1] - 0x30)
  }
}
