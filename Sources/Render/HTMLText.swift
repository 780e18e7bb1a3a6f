import ProfileMateCore

/// Escaping for HTML and SVG text and attribute values.
enum HTMLText {
  /// `s` with `&`, `<`, `>`, `"` and `'` replaced by character references.
  static func escape(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for ch in s.unicodeScalars {
      switch ch {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case let c where c.value < 0x20 && c != "\n" && c != "\t": out += "\u{FFFD}"
      default: out.unicodeScalars.append(ch)
      }
    }
    return out
  }

  /// A coordinate with one decimal (SVG needs no more at these sizes).
  static func coordinate(_ x: Double) -> String {
    Format.fixed(x, 1)
  }
}

extension String {
  /// The string without leading and trailing spaces.
  var trimmedSpaces: String {
    var s = Substring(self)
    while s.first == " " { s.removeFirst() }
    while s.last == " " { s.removeLast() }
    return String(s)
  }
}
