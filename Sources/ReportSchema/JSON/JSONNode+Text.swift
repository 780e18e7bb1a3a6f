extension JSONNode {
  /// Appends the node's JSON to `out`. Pretty text indents by two spaces per level, starting at `depth`,
  /// writes `": "` after keys, and puts an array of numbers on one line (`[1, 2, 4]`); compact text has
  /// no white space.
  func write(into out: inout String, depth: Int, pretty: Bool) {
    switch kind {
    case .unset: out += "{}"
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let text): out += text
    case .string(let s): out += ReportJSONEncoder.quoted(s)
    case .array:
      if elements.isEmpty {
        out += "[]"
      } else if elements.allSatisfy(\.isNumber) {
        out += "["
        for (i, e) in elements.enumerated() {
          if i > 0 { out += pretty ? ", " : "," }
          e.write(into: &out, depth: depth + 1, pretty: pretty)
        }
        out += "]"
      } else {
        out += "["
        for (i, e) in elements.enumerated() {
          if i > 0 { out += "," }
          Self.newline(&out, depth + 1, pretty)
          e.write(into: &out, depth: depth + 1, pretty: pretty)
        }
        Self.newline(&out, depth, pretty)
        out += "]"
      }
    case .object:
      guard !members.isEmpty else {
        out += "{}"
        return
      }
      out += "{"
      for (i, m) in members.enumerated() {
        if i > 0 { out += "," }
        Self.newline(&out, depth + 1, pretty)
        out += ReportJSONEncoder.quoted(m.key)
        out += pretty ? ": " : ":"
        m.node.write(into: &out, depth: depth + 1, pretty: pretty)
      }
      Self.newline(&out, depth, pretty)
      out += "}"
    }
  }

  private static func newline(_ out: inout String, _ depth: Int, _ pretty: Bool) {
    guard pretty else { return }
    out += "\n"
    out += String(repeating: "  ", count: depth)
  }
}
