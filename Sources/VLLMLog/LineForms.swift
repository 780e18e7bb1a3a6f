/// Recognisers for physical lines that carry no vLLM envelope.
enum LineForms {
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
