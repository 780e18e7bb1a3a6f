/// Writes an `Encodable` value as the reports' JSON: members in the order they are encoded (declaration
/// order for synthesized conformances), `null` for a nil optional (`encodeIfPresent` writes `null` rather
/// than leaving the member out), `null` for NaN and ±∞, whole numbers below 10¹⁵ without a fraction and other
/// numbers in Swift's shortest round-trip spelling (full precision), and two-space indentation.
///
/// Foundation's `JSONEncoder` is not used for writing: it sorts or hashes keys, and leaves nil members out.
public struct ReportJSONEncoder: Sendable {
  /// Whether to indent (two spaces per level) or write everything on one line.
  public var pretty: Bool

  /// Creates an encoder.
  public init(pretty: Bool = true) {
    self.pretty = pretty
  }

  /// The JSON of `value`, without a trailing newline. `depth` is the indentation level the value starts at
  /// (to place it inside a document written by other means; 0 for a document of its own).
  /// - Throws: whatever `value`'s `encode(to:)` throws (the encoder itself throws nothing).
  public func encode<T: Encodable>(_ value: T, depth: Int = 0) throws -> String {
    let root = JSONNode()
    try value.encode(to: NodeEncoder(node: root, codingPath: []))
    var out = ""
    root.write(into: &out, depth: depth, pretty: pretty)
    return out
  }

  /// The JSON spelling of `x`: `null` when not finite, an integer when whole and below 10¹⁵ in magnitude,
  /// else Swift's shortest representation that reads back as the same `Double`.
  public static func number(_ x: Double) -> String {
    guard x.isFinite else { return "null" }
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    return "\(x)"
  }

  /// A JSON string literal for `s`: quotes, backslashes and control characters (U+0000–U+001F, U+007F)
  /// escaped, everything else as it is.
  public static func quoted(_ s: String) -> String {
    var out = "\""
    out.reserveCapacity(s.utf8.count + 2)
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case let c where c.value < 0x20 || c.value == 0x7F:
        let hex = String(c.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
