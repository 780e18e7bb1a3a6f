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
    #expect(md.contains("- vLLM: 0.15.0 (V1 engine)\n"))
    #expect(md.contains("### Step timing: prefill vs decode"))
    #expect(md.contains("- steps: 3 (100 prefill + 6 decode tokens)"))
  }

  @Test func tableCellsAreEscaped() {
    let md = MarkdownReport.render(RunAnalysis.analyze(RunModel(source: "a|b\nc")))
    #expect(md.hasPrefix("## ProfileMate: `a|b c`"))  // inside a code span nothing is markup
    #expect(MarkdownReport.escape("x|y\nz") == "x\\|y z")
    // HTML from a log is shown, never rendered; Markdown markup is literal.
    #expect(
      MarkdownReport.escape("<script>alert(1)</script> & *b* [l](u)")
        == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; \\*b\\* \\[l\\](u)")
  }

  @Test func emptyAnalysisStillRenders() {
    let md = MarkdownReport.render(RunAnalysis.analyze(LogReader.read([], source: "empty")))
    #expect(md.contains("### Findings\n\nNone.\n"))
    #expect(!md.contains("### Step timing"))
    #expect(md.contains("### What was read\n\n- lines: 0\n"))
  }
}
