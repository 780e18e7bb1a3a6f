/// Helpers for the Python reprs vLLM prints: dicts, `Namespace(...)`, `VllmConfig` strings,
/// lists of integers. Tolerant: unbalanced or cut-off text yields what could be read.
enum PythonRepr {
  /// Splits `text` at top-level occurrences of `", "` (outside brackets and quotes).
  static func splitTopLevel(_ text: Substring) -> [Substring] {
    // Works on UTF-8 code units: every delimiter is ASCII, and grapheme breaking is slow.
    var parts: [Substring] = []
    var depth = 0
    var quote: UInt8 = 0
    var escaped = false
    let utf8 = text.utf8
    var partStart = utf8.startIndex
    var i = utf8.startIndex
    while i < utf8.endIndex {
      let ch = utf8[i]
      if quote != 0 {
        if escaped {
          escaped = false
        } else if ch == 0x5C {
          escaped = true
        } else if ch == quote {
          quote = 0
        }
      } else {
        switch ch {
        case 0x27, 0x22: quote = ch
        case 0x5B, 0x7B, 0x28, 0x3C: depth += 1
        case 0x5D, 0x7D, 0x29, 0x3E: depth = max(0, depth - 1)
        case 0x2C:
          let next = utf8.index(after: i)
          if depth == 0, next < utf8.endIndex, utf8[next] == 0x20 {
            parts.append(text[partStart..<i])
            partStart = utf8.index(after: next)
            i = partStart
            continue
          }
        default: break
        }
      }
      i = utf8.index(after: i)
    }
    if partStart < utf8.endIndex { parts.append(text[partStart...]) }
    return parts
  }

  /// `key=value` items of a `VllmConfig` string or a `Namespace(...)` body.
  static func keyValues(_ text: Substring) -> [(key: String, value: String)] {
    splitTopLevel(text).compactMap { item in
      let utf8 = item.utf8
      guard let eq = utf8.firstIndex(of: 0x3D) else { return nil }
      var keyStart = utf8.startIndex
      while keyStart < eq, utf8[keyStart] == 0x20 { keyStart = utf8.index(after: keyStart) }
      var keyEnd = eq
      while keyEnd > keyStart, utf8[utf8.index(before: keyEnd)] == 0x20 { keyEnd = utf8.index(before: keyEnd) }
      let key = utf8[keyStart..<keyEnd]
      guard !key.isEmpty,
        key.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == 0x5F })
      else { return nil }
      return (String(item[keyStart..<keyEnd]), String(item[utf8.index(after: eq)...]))
    }
  }

  /// `'key': value` entries of a dict repr (or a JSON object, whose keys use `"`).
  static func dictEntries(_ text: Substring) -> [(key: String, value: String)] {
    var body = text.trimmingCharacters(in: " ")[...]
    if body.first == "{" { body = body.dropFirst() }
    if body.last == "}" { body = body.dropLast() }
    // JSON objects have no space after commas: normalise to the Python form first.
    let normalized = body.utf8.first == 0x22 ? jsonToReprSpacing(body) : body
    return splitTopLevel(normalized).compactMap { item in
      guard let colon = topLevelColon(item) else { return nil }
      let key = unquote(item[..<colon].trimmingCharacters(in: " "))
      var value = item[item.index(after: colon)...]
      while value.first == " " { value = value.dropFirst() }
      return (key, String(value))
    }
  }

  /// Inserts a space after top-level commas of compact JSON so that ``splitTopLevel(_:)`` applies.
  private static func jsonToReprSpacing(_ text: Substring) -> Substring {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + 64)
    var depth = 0
    var inString = false
    var escaped = false
    for ch in text.utf8 {
      out.append(ch)
      if inString {
        if escaped { escaped = false } else if ch == 0x5C { escaped = true } else if ch == 0x22 { inString = false }
        continue
      }
      switch ch {
      case 0x22: inString = true
      case 0x5B, 0x7B: depth += 1
      case 0x5D, 0x7D: depth = max(0, depth - 1)
      case 0x2C: if depth == 0 { out.append(0x20) }
      default: break
      }
    }
    return String(decoding: out, as: UTF8.self)[...]
  }

  private static func topLevelColon(_ item: Substring) -> Substring.Index? {
    var quote: UInt8 = 0
    let utf8 = item.utf8
    var i = utf8.startIndex
    while i < utf8.endIndex {
      let ch = utf8[i]
      if quote != 0 {
        if ch == quote { quote = 0 }
      } else if ch == 0x27 || ch == 0x22 {
        quote = ch
      } else if ch == 0x3A {
        return i
      }
      i = utf8.index(after: i)
    }
    return nil
  }

  /// Removes one level of matching quotes.
  static func unquote<S: StringProtocol>(_ s: S) -> String {
    let t = s.trimmingCharacters(in: " ")
    if t.count >= 2, let f = t.first, f == "'" || f == "\"", t.last == f {
      return String(t.dropFirst().dropLast())
    }
    return t
  }

  /// The integers of a list repr: `[1, 2, 4]` or `[512,504,…]`; nil when not a list.
  static func intList<S: StringProtocol>(_ s: S) -> [Int]? {
    let t = s.trimmingCharacters(in: " ")
    guard t.first == "[" else { return nil }
    guard let close = t.firstIndex(of: "]") else { return nil }
    let inner = t[t.index(after: t.startIndex)..<close]
    if inner.allSatisfy({ $0 == " " }) { return [] }
    var values: [Int] = []
    for piece in inner.split(separator: ",") {
      guard let v = Int(piece.trimmingCharacters(in: " ")) else { return nil }
      values.append(v)
    }
    return values
  }

  /// `True`/`False` at the start of a value (V0's config line lacks a comma after one).
  static func bool<S: StringProtocol>(_ s: S) -> Bool? {
    let t = s.trimmingCharacters(in: " ")
    if t.hasPrefix("True") || t.hasPrefix("true") { return true }
    if t.hasPrefix("False") || t.hasPrefix("false") { return false }
    return nil
  }

  /// An integer at the start of a value; nil for `None`.
  static func int<S: StringProtocol>(_ s: S) -> Int? {
    let t = s.trimmingCharacters(in: " ")
    let digits = t.prefix { $0.isNumber }
    return digits.isEmpty ? nil : Int(digits)
  }
}

extension StringProtocol {
  /// The string without leading and trailing occurrences of `ch`.
  func trimmingCharacters(in ch: Character) -> String {
    var s = self[...]
    while s.first == ch { s = s.dropFirst() }
    while s.last == ch { s = s.dropLast() }
    return String(s)
  }
}
