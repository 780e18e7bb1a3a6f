import Foundation
import Testing

@testable import ProfileMateCore

/// docs/findings.md carries the registry's tables as the code generates them, so it cannot drift.
@Suite struct FindingDocTests {
  static let doc = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("docs/findings.md")

  @Test func generatedTablesMatchTheCode() throws {
    let text = try String(contentsOf: Self.doc, encoding: .utf8)
    let start = try #require(text.range(of: "<!-- generated: profilemate rules --markdown -->\n"))
    let end = try #require(text.range(of: "<!-- end generated -->", range: start.upperBound..<text.endIndex))
    let block = String(text[start.upperBound..<end.lowerBound])
    #expect(block == RuleCatalog.markdown(), "docs/findings.md is stale: run scripts/update-findings-doc")
  }

  @Test func everyRuleAndThresholdIsOnThePage() throws {
    let text = try String(contentsOf: Self.doc, encoding: .utf8)
    for r in FindingRegistry.infos { #expect(text.contains("| `\(r.id)` |"), "\(r.id)") }
    for t in FindingThresholds.all { #expect(text.contains("| `\(t.name)` |"), "\(t.name)") }
  }

  @Test func markdownRowsKeepTheirColumns() {
    // A `|` inside a cell is escaped, so each row has its table's number of separators: 7 for the rules'
    // six columns, 6 for the thresholds' five.
    let rows = RuleCatalog.markdown().split(separator: "\n").filter { $0.hasPrefix("| `") }
    #expect(rows.count == FindingRegistry.rules.count + FindingThresholds.all.count)
    for (i, row) in rows.enumerated() {
      let separators = row.replacing("\\|", with: "").filter { $0 == "|" }.count
      #expect(separators == (i < FindingRegistry.rules.count ? 7 : 6), "\(row)")
    }
  }
}
