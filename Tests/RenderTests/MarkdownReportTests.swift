import ProfileMateCore
import Testing
import VLLMLog

@testable import Render

@Suite struct MarkdownReportTests {
  @Test func containsEveryFinding() {
    let a = RunAnalysis.analyze(ReportFixtures.rich)
    #expect(a.findings.count >= 3)
    let md = MarkdownReport.render(a)
    for f in a.findings {
      #expect(md.contains("`\(f.id)`"), "\(f.id)")
      #expect(md.contains(MarkdownReport.escape(f.title)), "\(f.id)")
      #expect(md.contains(MarkdownReport.escape(f.recommendation)), "\(f.id)")
    }
    #expect(md.contains("### Findings"))
    #expect(md.contains("| vLLM | 0.15.0 |"))
    #expect(md.contains("### Steps (3)"))
  }

  @Test func tableCellsAreEscaped() {
    let md = MarkdownReport.render(RunAnalysis.analyze(RunModel(source: "a|b\nc")))
    #expect(md.hasPrefix("## ProfileMate: `a\\|b c`"))
    #expect(MarkdownReport.escape("x|y\nz") == "x\\|y z")
  }

  @Test func emptyAnalysisStillRenders() {
    let md = MarkdownReport.render(RunAnalysis.analyze(LogReader.read([], source: "empty")))
    #expect(md.contains("observability_missing"))
    #expect(!md.contains("### Steps"))
    #expect(md.contains("0 lines read"))
  }
}
