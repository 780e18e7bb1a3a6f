import MockEngine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The mock server's log: vLLM-format lines appended to a file (or standard output), flushed per write.
final class ServerLog: @unchecked Sendable {
  // Confined to the server's single event loop after start-up.
  private let file: UnsafeMutablePointer<FILE>
  private let ownsFile: Bool
  let pid = getpid()

  /// Opens `path` for appending (nil: standard output).
  init(path: String?) throws(MockServerError) {
    if let path {
      guard let f = fopen(path, "a") else {
        throw MockServerError("\(path): cannot open the log for writing (\(String(cString: strerror(errno))))")
      }
      file = f
      ownsFile = true
    } else {
      guard let f = fdopen(1, "w") else { throw MockServerError("cannot write the log to standard output") }
      file = f
      ownsFile = false
    }
  }

  deinit { if ownsFile { fclose(file) } }

  /// Seconds since the Unix epoch, now.
  static func epoch() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }

  /// Writes one INFO line from `source` (`file.py:line`).
  func info(_ source: String, _ message: String, process: String = "APIServer") {
    let text = VLLMLogFormat.line(process: process, pid: pid, epoch: Self.epoch(), source: source, message)
    fputs(text, file)
    fflush(file)
  }
}
