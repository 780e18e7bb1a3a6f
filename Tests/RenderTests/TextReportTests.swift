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
    #expect(text.contains("Findings\n  No findings.\n"))
  }
}

@Suite struct TerminalTextTests {
  /// Controls a terminal obeys and bidi overrides are shown, not obeyed: ESC (title and clear-screen
  /// sequences), BEL, BS, VT, FF, DEL, the C1 CSI U+009B, U+202E; ordinary text, accents and symbols pass.
  @Test func controlsAndOverridesAreEscaped() {
    #expect(TerminalText.clean("\u{1B}]0;pwned\u{07}") == "\\x1B]0;pwned\\x07")
    #expect(TerminalText.clean("a\u{08}\u{0B}\u{0C}\u{7F}b") == "a\\x08\\x0B\\x0C\\x7Fb")
    #expect(TerminalText.clean("\u{9B}2J") == "\\x9B2J")
    #expect(TerminalText.clean("abc\u{202E}fed") == "abc\\u202Efed")
    #expect(TerminalText.clean("Qwen/Qwen2.5-7B — 1.5× µs ✓") == "Qwen/Qwen2.5-7B — 1.5× µs ✓")
  }

  /// A log whose error message carries escape sequences, BEL and a bidi override: the text report prints none
  /// of them raw (the reader strips the ANSI sequences it knows; BEL and U+202E come out escaped), whatever
  /// the colour setting, and adds its own colour codes only when asked.
  @Test func reportNeverPassesAnInputsControls() {
    let lines = ["ERROR 05-13 10:01:20 [core.py:1] boom \u{1B}[2J\u{1B}]0;title\u{07} \u{202E}txt"]
    let a = RunAnalysis.analyze(ReportFixtures.read(lines))
    let plain = TextReport.render(a, style: TextStyle(color: false))
    #expect(!plain.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" })
    // The reader drops ESC sequences it knows (colours, CSI); what is left is escaped here.
    #expect(plain.contains("\\x07 \\u202Etxt"))
    let coloured = TextReport.render(a, style: TextStyle(color: true))
    #expect(!coloured.contains("\u{1B}[2J") && !coloured.contains("\u{1B}]0;"))
  }
}
