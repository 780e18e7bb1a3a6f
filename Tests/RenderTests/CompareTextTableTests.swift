import Foundation
import ProfileMateCore
import Testing

@testable import Render

@Suite struct CompareTextTableTests {
  /// A: 83 capture sizes 1, 2, 4, 8, 16, 24, …, 512 written out; B: 3 sizes; plus a short key that differs.
  private func comparison() -> (RunComparison, String) {
    let sizes = [1, 2, 4] + (1...80).map { $0 * 8 }
    #expect(sizes.count == 83)
    let long = "[" + sizes.map(String.init).joined(separator: ", ") + "]"
    var a = RunSummary(source: "a.log")
    a.config = ["cudagraph_capture_sizes": long, "max_model_len": "2048"]
    var b = RunSummary(source: "b.log")
    b.config = ["cudagraph_capture_sizes": "[1, 2, 4]", "max_model_len": "4096"]
    return (RunComparison.compare(a, b, settings: BootstrapSettings(resamples: 100)), long)
  }

  /// The rows of the "Configuration differences" table.
  private func configRows(_ text: String) -> [Substring] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard let start = lines.firstIndex(of: "Configuration differences") else { return [] }
    return Array(lines[(start + 1)...].prefix { !$0.isEmpty })
  }

  @Test func longValuesAreCutAndColumnsLeftAligned() throws {
    let (c, long) = comparison()
    let rows = configRows(CompareReport.text(c, style: TextStyle(color: false)))
    #expect(rows.count == 2)
    let sizes = try #require(rows.first { $0.contains("cudagraph_capture_sizes") })
    let maxLen = try #require(rows.first { $0.contains("max_model_len") })
    // The cut value: its first 59 characters and "…" (60 in all), then the arrow, then B's value.
    let cut = String(long.prefix(59)) + "…"
    #expect(sizes.contains(cut + "  →  [1, 2, 4]"))
    #expect(!sizes.contains(long))
    // Left-aligned: A's short value starts where the long one does, and is padded to its width (60).
    let column = try #require(sizes.range(of: "[1, 2, 4, 8")).lowerBound
    let offset = sizes.distance(from: sizes.startIndex, to: column)
    let short = try #require(maxLen.range(of: "2048")).lowerBound
    #expect(maxLen.distance(from: maxLen.startIndex, to: short) == offset)
    #expect(maxLen.hasSuffix("2048" + String(repeating: " ", count: 60 - 4) + "  →  4096"))
    // No row is wider than the key column, two values of at most 60 and the arrow.
    for row in rows { #expect(row.count <= 2 + 23 + 2 + 60 + 2 + 1 + 2 + 60) }
  }

  @Test func jsonKeepsTheWholeValue() throws {
    let (c, long) = comparison()
    let json = CompareReport.json(c, toolVersion: "test")
    let o = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let diffs = try #require(o["config_differences"] as? [[String: Any]])
    #expect(diffs.first { $0["key"] as? String == "cudagraph_capture_sizes" }?["a"] as? String == long)
  }

  @Test func otherTablesStayRightAligned() {
    var t = TextTable()
    t.add("k", "1")
    t.add("key", "100")
    #expect(t.render() == "  k      1\n  key  100\n")
    var l = TextTable(leftAligned: [1])
    l.add("k", "1", "x")
    l.add("key", "100", "y")
    #expect(l.render() == "  k    1    x\n  key  100  y\n")
  }
}
