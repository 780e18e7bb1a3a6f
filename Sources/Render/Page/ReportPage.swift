import ProfileMateCore

/// The one report document every human-readable format renders: an ordered list of sections, each a list of
/// blocks (facts, tables, lines, notes, charts, findings). It is built once from the analyses
/// (``ReportPage/init(_:)``), and the text, Markdown and HTML renderers walk it block by block, so a section
/// added here appears in all three. Charts are named by id; only the HTML renderer draws them.
public struct ReportPage: Sendable {
  /// What the report is about (the input's path), for headings.
  public var source: String
  /// The report's sections, in reading order.
  public var sections: [ReportSection]

  /// Creates a page about `source` with `sections`.
  public init(source: String, sections: [ReportSection]) {
    self.source = source
    self.sections = sections
  }

  /// The section with `id`, if the page has it.
  public func section(_ id: String) -> ReportSection? {
    sections.first { $0.id == id }
  }
}

/// One section of a ``ReportPage``.
public struct ReportSection: Sendable {
  /// A stable id (HTML anchor, link target of findings).
  public var id: String
  /// The heading; nil for the untitled closing lines.
  public var title: String?
  /// The content, in order.
  public var blocks: [ReportBlock]
  /// Whether the text renderer ends the section with a blank line.
  public var trailingBlank: Bool
  /// Whether the page's heading stands for the section's title in the text and Markdown reports (the run's
  /// facts follow the report's first line directly).
  public var headedByPage: Bool
  /// Whether the section shows data (false: it only says what is missing and how to get it). The text report
  /// shows every section; Markdown and HTML leave out those without data.
  public var hasData: Bool

  /// Creates a section.
  public init(
    id: String, title: String?, blocks: [ReportBlock], trailingBlank: Bool = true, headedByPage: Bool = false,
    hasData: Bool = true
  ) {
    self.id = id
    self.hasData = hasData
    self.title = title
    self.blocks = blocks
    self.trailingBlank = trailingBlank
    self.headedByPage = headedByPage
  }
}

/// A piece of text with the emphasis the renderers may give it (colour on a terminal, a class in HTML).
public struct ReportSpan: Sendable, Equatable {
  /// How a span is emphasised.
  public enum Emphasis: Sendable, Equatable {
    case plain, bold, dim, good
    case severity(Severity)
  }

  /// The text.
  public var text: String
  /// Its emphasis.
  public var emphasis: Emphasis

  /// Creates a span.
  public init(_ text: String, _ emphasis: Emphasis = .plain) {
    self.text = text
    self.emphasis = emphasis
  }
}

/// One block of a section.
public enum ReportBlock: Sendable {
  /// Label–value pairs (a two-column table on a terminal and in Markdown, a facts table in HTML).
  case facts([(label: String, value: String)])
  /// A table: a header row, rows, and the columns (after the first) whose cells are text, left-aligned.
  case table(header: [String], rows: [[String]], textColumns: Set<Int>)
  /// Lines of prose, each made of spans (indented on a terminal, a list in Markdown and HTML).
  case lines([[ReportSpan]])
  /// A sentence about the section as a whole (what is missing and how to get it, what a figure means).
  case note(String)
  /// A chart, by id (``ReportCharts/ID``); drawn by the HTML renderer only.
  case chart(String)
  /// The findings, most severe first.
  case findings([Finding])
  /// Whether the run's sources agree (log, /metrics, benchmark).
  case checks([CrossCheck])

  /// Lines of plain text.
  static func plain(_ lines: [String]) -> ReportBlock { .lines(lines.map { [ReportSpan($0)] }) }
}
