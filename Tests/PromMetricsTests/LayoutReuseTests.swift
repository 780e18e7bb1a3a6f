import ProfileMateCore
import Render
import Testing

@testable import PromMetrics

/// Parsing through the previous scrape's layout (``ExpositionParser/parse(_:layout:)``) and reusing snapshot
/// layouts (``VLLMMetrics/snapshots(_:layout:)``) give exactly what a fresh parse and split give, whatever
/// changed between the scrapes.
@Suite struct LayoutReuseTests {
  /// The parts of an exposition a layout could get wrong.
  static func same(_ a: Exposition, _ b: Exposition) -> Bool {
    a.issues == b.issues && a.sawEOF == b.sawEOF && a.lineCount == b.lineCount && a.families.count == b.families.count
      && zip(a.families, b.families).allSatisfy { x, y in
        x.name == y.name && x.type == y.type && x.help == y.help && x.unit == y.unit && x.line == y.line
          && x.samples == y.samples
      }
  }

  /// The scrapes of a recording, in order.
  static func scrapes(_ run: String) throws -> [[UInt8]] {
    let idx = try Fixtures.index(run)
    return try idx.keys.sorted().map { try Fixtures.bytes(run + "/metrics/" + idx[$0]!.file) }
  }

  @Test(arguments: [Fixtures.run1, Fixtures.run3])
  func recordedScrapesParseTheSameThroughTheirLayouts(run: String) throws {
    let bodies = try Self.scrapes(run)
    #expect(bodies.count == 45 || bodies.count == 44)
    var layout: ExpositionLayout?
    var snapLayout: VLLMMetrics.Layout?
    var kept = 0
    var previousID: UInt64?
    for body in bodies {
      let reused = ExpositionParser.parse(body, layout: &layout)
      let fresh = ExpositionParser.parse(body)
      #expect(Self.same(reused, fresh))
      #expect(VLLMMetrics.snapshots(reused, layout: &snapLayout) == VLLMMetrics.snapshots(fresh))
      if reused.layoutID == previousID { kept += 1 }
      previousID = reused.layoutID
    }
    // A steady server's scrapes keep their layout most of the time (new series appear as load starts).
    #expect(kept >= bodies.count / 2)
  }

  /// The line of the scrape at 1-based `n`, edited.
  static func edit(_ text: String, line n: Int, _ change: (String) -> String?) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard n - 1 < lines.count else { return text }
    if let new = change(lines[n - 1]) { lines[n - 1] = new } else { lines.remove(at: n - 1) }
    return lines.joined(separator: "\n")
  }

  @Test func everyKindOfChangeGivesTheFreshResult() throws {
    let base = String(decoding: try Fixtures.bytes(Fixtures.run1 + "/metrics-after-load.prom"), as: UTF8.self)
    let lines = base.split(separator: "\n", omittingEmptySubsequences: false)
    let sampleLine = try #require(lines.firstIndex { $0.hasPrefix("vllm:time_to_first_token_seconds_bucket") }) + 1
    let commentLine = try #require(lines.firstIndex { $0.hasPrefix("# HELP vllm:") }) + 1
    let typeLine = try #require(lines.firstIndex { $0.hasPrefix("# TYPE vllm:num_requests_running") }) + 1
    let variants: [(String, String)] = [
      ("same text", base),
      ("value changed", Self.edit(base, line: sampleLine) { $0.replacingOccurrences(of: " ", with: " 1") }),
      (
        "label changed",
        Self.edit(base, line: sampleLine) { $0.replacingOccurrences(of: "engine=\"0\"", with: "engine=\"9\"") }
      ),
      ("line removed", Self.edit(base, line: sampleLine) { _ in nil }),
      ("line added", Self.edit(base, line: sampleLine) { $0 + "\nvllm:new_gauge{engine=\"0\"} 1" }),
      ("comment changed", Self.edit(base, line: commentLine) { $0 + " (edited)" }),
      ("type changed", Self.edit(base, line: typeLine) { $0.replacingOccurrences(of: "gauge", with: "counter") }),
      ("malformed value", Self.edit(base, line: sampleLine) { $0.components(separatedBy: " ")[0] + " x" }),
      ("timestamp added", Self.edit(base, line: sampleLine) { $0 + " 1700000000000" }),
      ("name changed", Self.edit(base, line: sampleLine) { "x" + $0 }),
      ("truncated", String(base.prefix(base.utf8.count / 2))),
      ("EOF inserted", Self.edit(base, line: sampleLine) { "# EOF\n" + $0 }),
      ("CRLF", base.replacingOccurrences(of: "\n", with: "\r\n")),
      ("empty", ""),
    ]
    for (first, a) in variants {
      for (second, b) in variants {
        var layout: ExpositionLayout?
        var snapLayout: VLLMMetrics.Layout?
        let ea = ExpositionParser.parse(Array(a.utf8), layout: &layout)
        _ = VLLMMetrics.snapshots(ea, layout: &snapLayout)
        let eb = ExpositionParser.parse(Array(b.utf8), layout: &layout)
        let fresh = ExpositionParser.parse(b)
        #expect(Self.same(eb, fresh), "\(first) then \(second)")
        #expect(
          VLLMMetrics.snapshots(eb, layout: &snapLayout) == VLLMMetrics.snapshots(fresh), "\(first) then \(second)")
        // The layout is kept exactly when the lines are the same but for values, timestamps and line ends —
        // and none is malformed (reuse stops at a malformed line, and after # EOF).
        let alike: Set = ["same text", "value changed", "timestamp added", "CRLF"]
        let sameLines = first == second || (alike.contains(first) && alike.contains(second))
        let malformed = !fresh.issues.isEmpty  // "malformed value", "EOF inserted", "truncated" mid-line
        #expect(malformed == ["malformed value", "EOF inserted", "truncated"].contains(second))
        #expect((eb.layoutID == ea.layoutID) == (sameLines && !malformed), "\(first) then \(second)")
      }
    }
  }

  @Test func timelineThroughLayoutsRendersTheSame() throws {
    let bodies = try Self.scrapes(Fixtures.run1)
    let idx = try Fixtures.index(Fixtures.run1)
    let rows = idx.keys.sorted().map { ($0, Int64(idx[$0]!.epochMs)) }
    var reused = MetricsTimeline()
    var fresh = MetricsTimeline()
    var layout: ExpositionLayout?
    for ((seq, ms), body) in zip(rows, bodies) {
      reused.add(ExpositionParser.parse(body, layout: &layout), epochMs: ms, seq: seq)
      fresh.add(ExpositionParser.parse(body), epochMs: ms, seq: seq)
    }
    func json(_ t: MetricsTimeline) -> String {
      PromJSONReport.render(
        PromReportData(recording: "r", timeline: t, findings: t.findings()), toolVersion: "t")
    }
    #expect(json(reused) == json(fresh))
    #expect(json(fresh).contains("\"scrapes\""))
  }
}
