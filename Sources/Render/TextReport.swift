import ProfileMateCore
import PromMetrics

/// The human-readable terminal report: the ``ReportPage`` as aligned plain text, coloured when `style` says so.
public enum TextReport {
  /// Renders the report of an analysis (with a run directory's `/metrics` recording over time, when given).
  public static func render(_ a: RunAnalysis, timeline: MetricsTimeline? = nil, style: TextStyle) -> String {
    render(ReportPage(a, timeline: timeline), style: style)
  }

  /// Renders a page: its heading, then each section's title and blocks, a blank line after each.
  public static func render(_ page: ReportPage, style: TextStyle) -> String {
    var out = style.bold("ProfileMate — \(TerminalText.clean(page.source))") + "\n"
    for s in page.sections {
      if let title = s.title, !s.headedByPage { out += style.bold(TerminalText.clean(title)) + "\n" }
      for b in s.blocks { out += render(b, style: style) }
      if s.trailingBlank { out += "\n" }
    }
    return out
  }

  /// One block, indented by two spaces.
  static func render(_ block: ReportBlock, style: TextStyle) -> String {
    switch block {
    case .facts(let rows):
      var t = TextTable()
      for r in rows { t.add(r.label, r.value) }
      return t.render()
    case .table(let header, let rows, let textColumns):
      var t = TextTable(leftAligned: textColumns)
      t.add(header)
      for r in rows { t.add(r) }
      return t.render()
    case .lines(let lines):
      return lines.map { "  " + $0.map { span($0, style) }.joined() + "\n" }.joined()
    case .note(let text):
      return "  \(TerminalText.clean(text))\n"
    case .chart:
      return ""
    case .findings(let findings):
      return self.findings(findings, style: style)
    case .checks(let checks):
      return self.checks(checks, style: style)
    }
  }

  static func checks(_ checks: [CrossCheck], style: TextStyle) -> String {
    guard !checks.isEmpty else { return "  None.\n" }
    var out = ""
    for c in checks {
      let mark: String
      switch c.status {
      case .agree: mark = style.wrap("agree    ", "32")
      case .disagree: mark = style.severity(.warning, "DISAGREE ")
      case .unchecked: mark = style.dim("unchecked")
      }
      out += "  \(mark) \(TerminalText.clean(c.title))\n"
      out += "            \(TerminalText.clean(c.expected.source)): \(ReportPage.figure(c.expected.value, c.unit))\n"
      out += "            \(TerminalText.clean(c.observed.source)): \(ReportPage.figure(c.observed.value, c.unit))\n"
      out += style.dim(
        c.status == .unchecked ? "            not checked: \(c.note)" : "            tolerance: \(c.tolerance)")
      out += "\n"
    }
    return out
  }

  static func span(_ s: ReportSpan, _ style: TextStyle) -> String {
    let text = TerminalText.clean(s.text)
    switch s.emphasis {
    case .plain: return text
    case .bold: return style.bold(text)
    case .dim: return style.dim(text)
    case .good: return style.wrap(text, "32")
    case .severity(let severity): return style.severity(severity, text)
    }
  }

  static func findings(_ findings: [Finding], style: TextStyle) -> String {
    guard !findings.isEmpty else { return "  No findings.\n" }
    var out = ""
    for (i, f) in findings.enumerated() {
      out +=
        "  \(i + 1). " + style.severity(f.severity, "[\(f.severity.rawValue.uppercased())]") + " "
        + style.bold(TerminalText.clean(f.title)) + style.dim("  (\(TerminalText.clean(f.id)))") + "\n"
      for e in f.evidence {
        let location = e.lines.isEmpty ? "" : style.dim("  — " + Format.lines(e.lines))
        out += "     • \(TerminalText.clean(e.text))\(location)\n"
      }
      out += "     → \(TerminalText.clean(f.recommendation))\n"
    }
    return out
  }
}
