/// The one sanitiser for text from inputs on its way to a terminal: a log line, a `/metrics` label or a config
/// value may carry control characters that a terminal obeys (ESC sequences that set the window title or clear
/// the screen, BEL, backspace, C1 controls such as CSI U+009B) or bidirectional overrides (U+202E) that make
/// text read differently from what it is. Each such scalar is written as a visible escape (`\x1B`, `\u202E`);
/// everything else passes unchanged. The text report applies it to every value it prints (the colours it adds
/// itself come after), the `/metrics` and `watch` views to every label.
public enum TerminalText {
  /// `s` with every control and bidi-override scalar escaped.
  public static func clean(_ s: String) -> String {
    guard s.unicodeScalars.contains(where: needsEscape) else { return s }
    var out = ""
    out.reserveCapacity(s.utf8.count + 8)
    for u in s.unicodeScalars {
      if needsEscape(u) {
        out += u.value < 0x100 ? "\\x" + hex(u.value, 2) : "\\u" + hex(u.value, 4)
      } else {
        out.unicodeScalars.append(u)
      }
    }
    return out
  }

  /// C0 controls (tab and newline included: a cell is one line), DEL, C1 controls, and the bidi embeddings,
  /// overrides, isolates and marks.
  static func needsEscape(_ u: Unicode.Scalar) -> Bool {
    switch u.value {
    case 0x00...0x1F, 0x7F...0x9F: return true
    case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: return true
    default: return false
    }
  }

  static func hex(_ v: UInt32, _ width: Int) -> String {
    let digits = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
