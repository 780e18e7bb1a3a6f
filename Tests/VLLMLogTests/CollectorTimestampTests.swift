import Foundation
import ProfileMateCore
import Testing

@testable import VLLMLog

/// `kubectl logs --timestamps` and `docker logs -t` put an RFC 3339 timestamp before every line.
@Suite struct CollectorTimestampTests {
  private func prefixed(_ text: String, with stamp: String) -> [UInt8] {
    // Every line, as the collector writes it (the text ends with a newline: no line after it). "\r\n" is
    // one Character in Swift, so split on the bytes.
    let lines = Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
    return lines.flatMap { Array(stamp.utf8) + $0 + [0x0A] }
  }

  @Test(arguments: ["2026-02-01T13:22:00.123456789Z ", "2026-02-01T13:22:00+01:00 ", "2026-02-01T13:22:00Z "])
  func prefixedLogReadsLikeThePlainOne(stamp: String) throws {
    let text = try String(contentsOfFile: Fixtures.cpuRun1, encoding: .utf8)
    let plain = LogReader.read(Array(text.utf8))
    let collected = LogReader.read(prefixed(text, with: stamp))
    #expect(collected.coverage.lines == plain.coverage.lines)
    #expect(collected.coverage.byKind == plain.coverage.byKind)
    #expect(collected.engines == plain.engines)
    #expect(collected.config == plain.config)
    #expect(collected.requests == plain.requests)
  }

  @Test func lookalikesAreLeftAlone() {
    let lines = [
      "2026-02-01T13:22:00.5Z",  // nothing after it
      "2026-02-01 13:22:00 something",  // no T
      "2026-02-01T13:22:00.5 no zone",
      "1234-56-78T90:12:34Zno space",
    ]
    for line in lines {
      let bytes = Array(line.utf8)
      let end = bytes.withUnsafeBufferPointer { b in LineForms.afterCollectorTimestamp(b.baseAddress!, 0, b.count) }
      #expect(end == 0, "\(line)")
    }
  }
}
