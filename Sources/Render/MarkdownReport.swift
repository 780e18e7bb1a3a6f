import ProfileMateCore
import PromMetrics

/// A Markdown summary for pasting into an issue or pull request: the ``ReportPage``'s sections that have data,
/// as GitHub-flavoured Markdown. Every value that came from an input is escaped (``escape(_:)``), so a log
/// cannot smuggle HTML or Markdown markup into the rendered page.
public enum MarkdownReport {
  /// Renders the report of an analysis (with a run directory's `/metrics` recording over time, when given).
  public static func render(_ a: RunAnalysis, timeline: MetricsTimeline? = nil) -> String {
    render(ReportPage(a, timeline: timeline))
  }

  /// Renders a page.
  public static func render(_ page: ReportPage) -> String {
    var out = "## ProfileMate: `\(code(page.source))`\n"
    for s in page.sections where s.hasData {
      if let title = s.title, !s.headedByPage { out += "\n### \(escape(title))\n" }
      for b in s.blocks { out += render(b) }
    }
    return out
  }

  static func render(_ block: ReportBlock) -> String {
    switch block {
    case .facts(let rows):
      return "\n" + rows.map { "- \(escape(String($0.label.trimmingLeadingSpaces))): \(escape($0.value))\n" }.joined()
    case .table(let header, let rows, let textColumns):
      var out = "\n| " + header.map(escape).joined(separator: " | ") + " |\n|"
      for i in header.indices { out += i == 0 || textColumns.contains(i) ? "---|" : "---:|" }
      out += "\n"
      for r in rows { out += "| " + r.map(escape).joined(separator: " | ") + " |\n" }
      return out
    case .lines(let lines):
      return "\n" + lines.map { "- " + escape(String($0.map(\.text).joined().trimmingLeadingSpaces)) + "\n" }.joined()
    case .note(let text):
      return "\n" + escape(text) + "\n"
    case .chart:
      return ""
    case .findings(let findings):
      return "\n" + self.findings(findings)
    case .checks(let checks):
      return "\n" + self.checks(checks)
    }
  }

  static func findings(_ findings: [Finding]) -> String {
    guard !findings.isEmpty else { return "None.\n" }
    var out = ""
    for f in findings {
      out += "- **\(f.severity.rawValue.uppercased())** \(escape(f.title)) (`\(code(f.id))`)\n"
      for e in f.evidence {
        out += "  - \(escape(e.text))" + (e.lines.isEmpty ? "" : " — \(Format.lines(e.lines))") + "\n"
      }
      out += "  - → \(escape(f.recommendation))\n"
    }
    return out
  }

  static func checks(_ checks: [CrossCheck]) -> String {
    var out = "| check | status | expected | observed | tolerance |\n|---|---|---:|---:|---|\n"
    for c in checks {
      func side(_ s: CrossCheck.Side) -> String { s.value.map { ReportPage.figure($0, c.unit) } ?? "n/a" }
      out +=
        "| \(escape(c.title)) | \(c.status.rawValue) | \(escape(side(c.expected))) | \(escape(side(c.observed))) "
        + "| \(escape(c.status == .unchecked ? c.note : c.tolerance)) |\n"
    }
    return out
  }

  /// `s` as literal text in Markdown: HTML's `&`, `<` and `>` as entities, Markdown's metacharacters
  /// backslash-escaped, table pipes escaped and line breaks folded into spaces.
  public static func escape(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for ch in s {
      switch ch {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\\", "`", "*", "_", "[", "]", "|", "#", "~": out += "\\" + String(ch)
      case "\n", "\r": out += " "
      default: out.append(ch)
      }
    }
    return out
  }

  /// `s` inside a code span: backticks and line breaks replaced (a code span cannot escape them).
  static func code(_ s: String) -> String {
    String(s.map { $0 == "`" ? "'" : ($0 == "\n" || $0 == "\r" ? " " : $0) })
  }
}

extension String {
  fileprivate var trimmingLeadingSpaces: Substring { drop { $0 == " " } }
}
