/// A table printed by `nsys stats`, as CSV (`--format csv`) or as the aligned text columns it prints by
/// default: column names and rows of cells, each with its 1-based line.
public struct NsysTable: Sendable, Equatable {
  /// Column names as printed (`Total Time (ns)`, `Name`).
  public var columns: [String]
  /// Data rows: the line and the cells (as many as there are columns; missing trailing cells are empty).
  public var rows: [(line: Int, cells: [String])]

  /// Creates a table.
  public init(columns: [String], rows: [(line: Int, cells: [String])]) {
    self.columns = columns
    self.rows = rows
  }

  public static func == (a: NsysTable, b: NsysTable) -> Bool {
    a.columns == b.columns && a.rows.count == b.rows.count
      && zip(a.rows, b.rows).allSatisfy { $0.line == $1.line && $0.cells == $1.cells }
  }

  /// The index of the first column whose name starts with `prefix` (`Total Time (` matches any time unit).
  public func column(_ prefix: String) -> Int? { columns.firstIndex { $0.hasPrefix(prefix) } }

  /// The unit in a column name's parentheses (`Total Time (ns)` → `ns`); nil when there is none.
  public func unit(of column: Int) -> String? {
    let name = columns[column]
    guard let open = name.lastIndex(of: "("), let close = name.lastIndex(of: ")"), open < close else { return nil }
    return String(name[name.index(after: open)..<close])
  }

  /// Reads the CSV form from the line whose text satisfies `isHeader`.
  /// The table ends at a blank line or at the next report of an `nsys stats` bundle.
  static func csv(_ bytes: [UInt8], limit: Int = 200, isHeader: (String) -> Bool) throws -> NsysTable? {
    guard let head = TextLines.firstLine(in: bytes, limit: limit, where: isHeader) else { return nil }
    let end = TextLines.blockEnd(bytes, from: head.offset)
    let records = try CSVParser.records(Array(bytes[..<end]), start: head.offset, firstLine: head.line)
    guard let columns = records.first?.fields else { return nil }
    var rows: [(Int, [String])] = []
    for r in records.dropFirst() {
      var cells = r.fields
      if cells.count > columns.count {
        throw KernelInputError(
          "line \(r.line): \(cells.count) fields, expected \(columns.count) (is a kernel name with commas unquoted?)")
      }
      while cells.count < columns.count { cells.append("") }
      rows.append((r.line, cells))
    }
    return NsysTable(columns: columns, rows: rows)
  }

  /// Reads the aligned text form: a header line satisfying `isHeader`, a line of dash runs under it that
  /// fixes each column's extent, then rows up to the first blank line. The last column runs to the line's end.
  static func text(_ bytes: [UInt8], limit: Int = 200, isHeader: (String) -> Bool) throws -> NsysTable? {
    guard let head = TextLines.firstLine(in: bytes, limit: limit, where: isHeader) else { return nil }
    let lines = TextLines.lines(bytes, from: head.offset, firstLine: head.line)
    guard lines.count >= 2 else { return nil }
    let header = Array(lines[0].text.unicodeScalars)
    let dashes = Array(lines[1].text.unicodeScalars)
    var extents: [(Int, Int)] = []
    var i = 0
    while i < dashes.count {
      if dashes[i] == "-" {
        let start = i
        while i < dashes.count && dashes[i] == "-" { i += 1 }
        extents.append((start, i))
      } else {
        guard dashes[i] == " " else {
          throw KernelInputError("line \(lines[1].line): expected the dashed rule under the table header")
        }
        i += 1
      }
    }
    guard extents.count >= 2 else {
      throw KernelInputError("line \(lines[1].line): expected the dashed rule under the table header")
    }
    func cut(_ s: [Unicode.Scalar], _ k: Int) -> String {
      let from = k == 0 ? 0 : extents[k - 1].1
      let to = k == extents.count - 1 ? s.count : extents[k].1
      guard from < s.count else { return "" }
      var u = String.UnicodeScalarView()
      u.append(contentsOf: s[from..<min(to, s.count)])
      return String(u).trimmingSpaces
    }
    let columns = extents.indices.map { cut(header, $0) }
    var rows: [(Int, [String])] = []
    for l in lines.dropFirst(2) {
      if l.text.trimmingSpaces.isEmpty { break }
      let s = Array(l.text.unicodeScalars)
      rows.append((l.line, extents.indices.map { cut(s, $0) }))
    }
    return NsysTable(columns: columns, rows: rows)
  }
}
