#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One line of a segment, read ahead by ``LogPreparser``.
struct PreparsedLine: Sendable {
  /// What the reader still has to do with the line.
  enum Form: Sendable {
    /// Everything: the line needs the reader's full path (colour codes in its message, over-long).
    case full
    /// A line without a log envelope.
    case unprefixed
    /// A log record whose envelope is known.
    case record(LogEnvelope)
    /// An iteration record, read completely.
    case step(LogEnvelope, IterationLine, engine: Int, viaEnginePrefix: Bool)
    /// A request record (`Received`, `Added`, `Aborted`, `Finished request …`): only counted.
    case request(LogEnvelope, RequestEvent)
    /// A uvicorn access line (with or without a process prefix): only counted.
    case http(status: Int, generation: Bool)
  }

  /// The request records that are only counted.
  enum RequestEvent: Sendable {
    case received, added, aborted, finished
  }

  /// The line's first byte, where its text starts (after a log collector's timestamp), its end
  /// (before `\r\n`) and its newline, as offsets in the segment.
  var physicalStart: Int32
  var start: Int32
  var end: Int32
  var newline: Int32
  var form: Form
}

/// The lines of one segment of a log, read ahead of the ``LogReader`` that will read the segment
/// (see ``LogReader/feed(_:preparsed:)``).
public struct PreparsedSegment: Sendable {
  var lines: [PreparsedLine]

  init(lines: [PreparsedLine]) {
    self.lines = lines
  }

  /// A segment with nothing read ahead (the reader then reads every line itself).
  public init() {
    lines = []
  }
}

/// Reads ahead, on another thread, what can be known of a segment's lines without the reader's
/// state: where each line ends, its log envelope, and the whole of each iteration line (the hot
/// path of a run with `--enable-logging-iteration-details`, where nearly every line is one).
///
/// The work is pure and shares nothing, so several segments can be pre-parsed in parallel while a
/// reader reads the lines before them; the reader then reads each line from where the pre-parse
/// stopped, in order, so the result is the same as reading the segment directly.
public enum LogPreparser {
  /// Pre-parses the complete lines of `segment` (bytes after its last newline are ignored).
  public static func preparse(_ segment: UnsafeRawBufferPointer, maxLineBytes: Int) -> PreparsedSegment {
    var lines: [PreparsedLine] = []
    guard let b = segment.baseAddress?.assumingMemoryBound(to: UInt8.self), segment.count < Int(Int32.max)
    else { return PreparsedSegment(lines: lines) }
    lines.reserveCapacity(segment.count / 160)
    let n = segment.count
    var i = 0
    while i < n {
      guard let hit = memchr(b + i, 0x0A, n - i) else { break }
      let newline = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - b
      var e = newline
      if e > i, b[e - 1] == 0x0D { e -= 1 }
      let s = LineForms.afterCollectorTimestamp(b, i, e)
      let form = newline - i > maxLineBytes ? .full : self.form(b, s, e)
      lines.append(
        PreparsedLine(physicalStart: Int32(i), start: Int32(s), end: Int32(e), newline: Int32(newline), form: form))
      i = newline + 1
    }
    return PreparsedSegment(lines: lines)
  }

  @inline(__always)
  private static func form(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> PreparsedLine.Form {
    guard let env = LogEnvelope.parse(b, start, end) else {
      // Colour codes may hide an envelope: the reader strips them and looks again.
      if end > start && memchr(b + start, 0x1B, end - start) != nil { return .full }
      return httpAccess(b, start, end) ?? .unprefixed
    }
    if end > env.messageStart, memchr(b + env.messageStart, 0x1B, end - env.messageStart) != nil { return .full }
    guard let level = env.level else {
      // A raw line behind a process prefix (uvicorn's access lines in v0.10.1+).
      return httpAccess(b, env.messageStart, end) ?? .record(env)
    }
    guard level != .error, level != .critical else { return .record(env) }
    var c = ByteCursor(b, env.messageStart, end)
    var afterEngine = c  // `Engine NNN: ` is consumed only when an iteration follows it
    let engine: Int
    var viaEnginePrefix = false
    if c.hasPrefix("Iteration(") {
      engine = LogReader.engine(ofProcess: env, b)
    } else if afterEngine.consume("Engine "), let index = afterEngine.unsigned(), afterEngine.consume(": "),
      afterEngine.hasPrefix("Iteration(")
    {
      engine = index
      viaEnginePrefix = true
      c = afterEngine
    } else if let event = requestEvent(c) {
      return .request(env, event)
    } else {
      return .record(env)
    }
    guard let step = IterationLine.parse(&c) else { return .record(env) }
    return .step(env, step, engine: engine, viaEnginePrefix: viaEnginePrefix)
  }

  /// A request record the reader only counts, as ``LogReader/record(_:_:_:line:)`` reads it.
  @inline(__always)
  private static func requestEvent(_ c: ByteCursor) -> PreparsedLine.RequestEvent? {
    switch c.peek() {
    case 0x52: return c.hasPrefix("Received request ") ? .received : nil
    case 0x41: return c.hasPrefix("Added request ") ? .added : c.hasPrefix("Aborted request ") ? .aborted : nil
    case 0x46: return c.hasPrefix("Finished request ") ? .finished : nil
    default: return nil
    }
  }

  /// A uvicorn access line (`INFO:     127.0.0.1:5000 - "POST /v1/… HTTP/1.1" 200 OK`) at `start`.
  @inline(__always)
  private static func httpAccess(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> PreparsedLine.Form? {
    var c = ByteCursor(b, start, end)
    guard c.consume("INFO:"), let access = LineForms.httpAccess(b, c.position, end) else { return nil }
    return .http(status: access.status, generation: access.generation)
  }
}
