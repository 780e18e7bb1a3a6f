import ProfileMateCore
import Testing
import VLLMLog

/// Logs hard-wrapped at a fixed width (copied from a terminal).
@Suite struct WrapDetectorTests {
  /// Splits `line` into pieces of `width` bytes (ASCII only).
  private func wrap(_ line: String, _ width: Int) -> [String] {
    let bytes = Array(line.utf8)
    return stride(from: 0, to: bytes.count, by: width).map {
      String(decoding: bytes[$0..<min($0 + width, bytes.count)], as: UTF8.self)
    }
  }

  private let records = (0..<4).map {
    Snippet.v1 + "Engine 000: " + Snippet.stats(running: $0 + 1, waiting: $0, kv: "1\($0).0")
  }

  @Test func wrappedLogIsRejoined() {
    let physical = records.flatMap { wrap($0, 80) }
    // Every record is longer than 160 bytes: three pieces each (the last shorter than 80).
    #expect(records.allSatisfy { $0.utf8.count > 160 && $0.utf8.count < 240 })
    let text = physical.map { $0 + "\n" }.joined()
    let widths = Array(text.utf8).withUnsafeBytes { WrapDetector.widths(sample: $0) }
    #expect(widths == [80])
    let m = LogReader.read(Array(text.utf8))
    #expect(Snippet.allStats(m).map(\.running) == [1, 2, 3, 4])
    #expect(Snippet.allStats(m).map(\.waiting) == [0, 1, 2, 3])
    #expect(Snippet.allStats(m).map(\.kvUsagePct) == [10, 11, 12, 13])
    // Each sample keeps the line its record started on.
    #expect(Snippet.allStats(m).map(\.line) == [1, 4, 7, 10])
    #expect(m.coverage.lines == 12)
    #expect(m.coverage.wrappedLinesJoined == 8)
    #expect(m.coverage.recognized == 12)
  }

  @Test func unwrappedLogHasNoWidths() {
    let text = records.map { $0 + "\n" }.joined()
    #expect(Array(text.utf8).withUnsafeBytes { WrapDetector.widths(sample: $0) }.isEmpty)
    #expect(LogReader.read(Array(text.utf8)).coverage.wrappedLinesJoined == 0)
  }

  @Test func fewerThanThreeContinuationsAreNotAWrap() {
    let text = wrap(records[0], 80).map { $0 + "\n" }.joined()
    #expect(Array(text.utf8).withUnsafeBytes { WrapDetector.widths(sample: $0) }.isEmpty)
  }
}
