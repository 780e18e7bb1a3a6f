/// Recognisers for physical lines that carry no vLLM envelope.
enum LineForms {
  /// Where a line's own text starts after a timestamp that a log collector put in front of it:
  /// `kubectl logs --timestamps` and `docker logs -t` write RFC 3339 (`2026-02-01T13:22:00.123456789Z `,
  /// or with a `+hh:mm` offset). Returns `start` when there is none.
  @inline(__always)
  static func afterCollectorTimestamp(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int {
    guard end - start > 20, b[start] &- 0x30 <= 9, b[start + 4] == 0x2D, b[start + 10] == 0x54 else { return start }
    for d in [1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18] where b[start + d] &- 0x30 > 9 { return start }
    guard b[start + 7] == 0x2D, b[start + 13] == 0x3A, b[start + 16] == 0x3A else { return start }
    var i = start + 19
    if i < end, b[i] == 0x2E {
      i += 1
      while i < end, b[i] &- 0x30 <= 9 { i += 1 }
    }
    if i < end, b[i] == 0x5A {  // Z
      i += 1
    } else if i + 6 <= end, b[i] == 0x2B || b[i] == 0x2D, b[i + 3] == 0x3A {
      i += 6
    } else {
      return start
    }
    guard i < end, b[i] == 0x20 else { return start }
    return i + 1
  }

  /// Whether a line without an envelope stands on its own (is not a wrapped continuation):
  /// uvicorn lines, tracebacks, torch/C++ warnings, progress bars, Python warnings.
  static func isStandaloneUnprefixed(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    guard start < end else { return true }
    let c = ByteCursor(b, start, end)
    if ByteSearch.find("it/s]", in: b, from: start, to: end) != nil { return true }
    switch b[start] {
    case 0x0D, 0x5B, 0x2F: return true  // \r  [  /
    case 0x49: return c.hasPrefix("INFO:")
    case 0x57: return c.hasPrefix("WARNING:")
    case 0x45: return c.hasPrefix("ERROR:")
    case 0x54: return c.hasPrefix("Traceback ")
    case 0x6E: return c.hasPrefix("nohup:")
    default: return false
    }
  }

  /// Parses a uvicorn access line `INFO:     127.0.0.1:PORT - "POST /v1/completions HTTP/1.1" 200 OK`.
  /// Returns the status code and whether the path is a generation endpoint.
  static func httpAccess(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> (status: Int, generation: Bool)? {
    var c = ByteCursor(b, start, end)
    guard c.seek(past: " - \"") else { return nil }
    let methodStart = c.position
    guard c.seek(byte: 0x20) else { return nil }
    let pathStart = c.position + 1
    guard c.seek(past: "\" ") else { return nil }
    guard let status = c.unsigned(), (100...599).contains(status) else { return nil }
    _ = methodStart
    let path = ByteCursor(b, pathStart, end)
    let generation =
      path.hasPrefix("/v1/completions ") || path.hasPrefix("/v1/chat/completions ")
      || path.hasPrefix("/v1/responses ") || path.hasPrefix("/v1/messages ")
      || path.hasPrefix("/inference/v1/generate ") || path.hasPrefix("/generate ")
    return (status, generation)
  }
}
