import ProfileMateCore
import Testing
import VLLMLog

@testable import Render

@Suite struct TextReportTests {
  @Test func containsEveryFindingWithoutColour() throws {
    let a = RunAnalysis.analyze(ReportFixtures.rich)
    let text = TextReport.render(a, style: TextStyle(color: false))
    for f in a.findings {
      #expect(text.contains(f.title), "\(f.id)")
      #expect(text.contains("(\(f.id))"), "\(f.id)")
      #expect(text.contains(f.recommendation), "\(f.id)")
      #expect(text.contains("[\(f.severity.rawValue.uppercased())]"), "\(f.id)")
    }
    #expect(!text.contains("\u{1B}"))
    let lines = text.split(separator: "\n").map(String.init)
    let read = try #require(lines.firstIndex(of: "What was read"))
    #expect(lines[read + 1].hasPrefix("  lines") && lines[read + 1].hasSuffix(" \(ReportFixtures.richLines.count)"))
  }

  @Test func colourOnlyWhenAsked() {
    let a = RunAnalysis.analyze(ReportFixtures.rich)
    #expect(TextReport.render(a, style: TextStyle(color: true)).contains("\u{1B}["))
  }

  @Test func emptyAnalysisRenders() {
    let text = TextReport.render(RunAnalysis.analyze(LogReader.read([], source: "e")), style: TextStyle(color: false))
    #expect(text.contains("ProfileMate — e"))
    #expect(text.contains("observability_missing"))
  }
}
