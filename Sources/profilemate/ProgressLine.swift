#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A progress line on standard error, redrawn in place, for reads that take a while.
final class ProgressLine: @unchecked Sendable {
  private let enabled: Bool
  private var lastDraw = 0.0
  private var drawn = false
  private let start: Double

  init(enabled: Bool) {
    self.enabled = enabled
    start = Self.now()
  }

  static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }

  func update(done: Int, total: Int?) {
    guard enabled else { return }
    let t = Self.now()
    guard t - start > 0.5, t - lastDraw > 0.2 else { return }
    lastDraw = t
    let mb = Double(done) / 1e6
    var text = "reading… \(Int(mb)) MB"
    if let total, total > 0 { text += " (\(min(100, done * 100 / total))%)" }
    let rate = mb / (t - start)
    text += ", \(Int(rate)) MB/s"
    writeStandardError("\r\u{1B}[K" + text)
    drawn = true
  }

  func clear() {
    guard drawn else { return }
    writeStandardError("\r\u{1B}[K")
    drawn = false
  }
}

/// Writes text to standard error without buffering.
func writeStandardError(_ text: String) { writeFully(2, text) }

/// Writes text to standard output without buffering, so that a pipe sees each line as it is made.
func writeStandardOutput(_ text: String) { writeFully(1, text) }

private func writeFully(_ fd: Int32, _ text: String) {
  var bytes = Array(text.utf8)
  var offset = 0
  while offset < bytes.count {
    let n = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
    if n < 0 && errno == EINTR { continue }
    if n <= 0 { return }
    offset += n
  }
}
