import ProfileMateCore

/// Aligned plain-text columns: the first column left-aligned, the rest right-aligned unless listed in
/// ``leftAligned``.
struct TextTable {
  var rows: [[String]] = []
  /// Columns (0-based) padded on the right, text-like values; the first column always is.
  var leftAligned: Set<Int> = []

  /// A table whose columns in `leftAligned` are left-aligned as well as the first.
  init(leftAligned: Set<Int> = []) { self.leftAligned = leftAligned }

  /// Adds a row; every cell is made safe for a terminal (``TerminalText``).
  mutating func add(_ cells: String...) { rows.append(cells.map(TerminalText.clean)) }

  /// Adds a row; every cell is made safe for a terminal (``TerminalText``).
  mutating func add(_ cells: [String]) { rows.append(cells.map(TerminalText.clean)) }

  func render(indent: String = "  ") -> String {
    guard let width = rows.map(\.count).max() else { return "" }
    var widths = [Int](repeating: 0, count: width)
    for row in rows {
      for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
    }
    return rows.map { row in
      var line = indent
      for (i, cell) in row.enumerated() {
        let pad = String(repeating: " ", count: widths[i] - cell.count)
        if i == 0 {
          line += cell + pad
        } else {
          line += leftAligned.contains(i) ? "  " + cell + pad : "  " + pad + cell
        }
      }
      while line.last == " " { line.removeLast() }
      return line
    }.joined(separator: "\n") + "\n"
  }
}

/// ANSI styling that turns itself off when colour is not wanted.
public struct TextStyle: Sendable {
  /// Whether escape codes are written.
  public let color: Bool

  /// Creates a style.
  public init(color: Bool) { self.color = color }

  func wrap(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
  func bold(_ s: String) -> String { wrap(s, "1") }
  func dim(_ s: String) -> String { wrap(s, "2") }
  func severity(_ s: Severity, _ text: String) -> String {
    switch s {
    case .critical: return wrap(text, "1;31")
    case .warning: return wrap(text, "33")
    case .info: return wrap(text, "36")
    }
  }
}
