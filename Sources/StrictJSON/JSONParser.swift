/// A byte-level JSON parser (RFC 8259) that is linear in its input whatever its shape: one pass, no
/// backtracking, nesting bounded while parsing (``Options/maxDepth``) so no input can exhaust the stack, and an
/// error that names the line and column of the byte at fault.
///
/// Numbers written without a fraction or an exponent that fit in 64 bits become ``JSONValue/int(_:)``, every
/// other number ``JSONValue/double(_:)``; a number too large for a `Double` is an error (no silent infinity).
/// With ``Options/pythonNonFinite``, the bare tokens Python's `json.dump` writes for non-finite floats (`NaN`,
/// `Infinity`, `-Infinity`) are read as `null`: an absent figure.
public struct JSONParser {
  /// What the parser accepts.
  public struct Options: Sendable, Equatable {
    /// The deepest nesting of arrays and objects accepted.
    public var maxDepth: Int
    /// Whether `NaN`, `Infinity` and `-Infinity` are read as `null`.
    public var pythonNonFinite: Bool

    /// Creates options: 128 levels of nesting (vLLM's and Hugging Face's files use under 10), strict JSON.
    public init(maxDepth: Int = 128, pythonNonFinite: Bool = false) {
      self.maxDepth = maxDepth
      self.pythonNonFinite = pythonNonFinite
    }
  }

  let bytes: [UInt8]
  let options: Options
  var i = 0
  var depth = 0

  /// Parses one JSON document (a leading UTF-8 byte-order mark is skipped; only white space may follow it).
  /// - Throws: ``JSONError``.
  public static func parse(_ bytes: [UInt8], options: Options = Options()) throws(JSONError) -> JSONValue {
    var p = JSONParser(bytes: bytes, options: options)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { p.i = 3 }
    p.skipSpace()
    guard p.i < bytes.count else { throw p.error("empty document: expected a JSON value") }
    let value = try p.value()
    p.skipSpace()
    guard p.i == bytes.count else { throw p.error("unexpected \(p.describe()) after the JSON value") }
    return value
  }

  init(bytes: [UInt8], options: Options) {
    self.bytes = bytes
    self.options = options
  }

  // MARK: - Errors

  /// An error at byte `at` (default: the current one), with its line and column counted from the start.
  func error(_ reason: String, at offset: Int? = nil) -> JSONError {
    let end = min(offset ?? i, bytes.count)
    var line = 1
    var lineStart = 0
    for k in 0..<end where bytes[k] == 0x0A {
      line += 1
      lineStart = k + 1
    }
    return JSONError(line: line, column: end - lineStart + 1, reason: reason)
  }

  /// The current byte, as a message shows it.
  func describe() -> String {
    guard i < bytes.count else { return "end of input" }
    let b = bytes[i]
    if b >= 0x21 && b < 0x7F { return "'\(String(UnicodeScalar(b)))'" }
    return "byte 0x" + String(b, radix: 16, uppercase: true)
  }

  // MARK: - Values

  mutating func skipSpace() {
    while i < bytes.count {
      switch bytes[i] {
      case 0x20, 0x09, 0x0A, 0x0D: i += 1
      default: return
      }
    }
  }

  mutating func value() throws(JSONError) -> JSONValue {
    guard i < bytes.count else { throw error("unexpected end of input: expected a JSON value") }
    switch bytes[i] {
    case UInt8(ascii: "{"): return try object()
    case UInt8(ascii: "["): return try array()
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "N") where options.pythonNonFinite: return try literal("NaN", .null)
    case UInt8(ascii: "I") where options.pythonNonFinite: return try literal("Infinity", .null)
    case UInt8(ascii: "-") where options.pythonNonFinite && matches("-Infinity"): return try literal("-Infinity", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    default: throw error("unexpected \(describe()): expected a JSON value")
    }
  }

  func matches(_ word: StaticString) -> Bool {
    let n = word.utf8CodeUnitCount
    guard i + n <= bytes.count else { return false }
    return word.withUTF8Buffer { w in (0..<n).allSatisfy { bytes[i + $0] == w[$0] } }
  }

  mutating func literal(_ word: StaticString, _ v: JSONValue) throws(JSONError) -> JSONValue {
    guard matches(word) else { throw error("unexpected \(describe()): expected a JSON value") }
    i += word.utf8CodeUnitCount
    return v
  }

  mutating func enter() throws(JSONError) {
    depth += 1
    if depth > options.maxDepth { throw error("nesting deeper than \(options.maxDepth) levels") }
  }

  mutating func object() throws(JSONError) -> JSONValue {
    try enter()
    i += 1
    var members: [String: JSONValue] = [:]
    skipSpace()
    if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
      i += 1
      depth -= 1
      return .object(members)
    }
    while true {
      skipSpace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
        throw error("unexpected \(describe()): expected a string key")
      }
      let key = try string()
      skipSpace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else {
        throw error("unexpected \(describe()): expected ':' after an object key")
      }
      i += 1
      skipSpace()
      members[key] = try value()
      skipSpace()
      guard i < bytes.count else { throw error("unexpected end of input: expected ',' or '}'") }
      if bytes[i] == UInt8(ascii: ",") {
        i += 1
        continue
      }
      guard bytes[i] == UInt8(ascii: "}") else { throw error("unexpected \(describe()): expected ',' or '}'") }
      i += 1
      depth -= 1
      return .object(members)
    }
  }

  mutating func array() throws(JSONError) -> JSONValue {
    try enter()
    i += 1
    var elements: [JSONValue] = []
    skipSpace()
    if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
      i += 1
      depth -= 1
      return .array(elements)
    }
    while true {
      skipSpace()
      elements.append(try value())
      skipSpace()
      guard i < bytes.count else { throw error("unexpected end of input: expected ',' or ']'") }
      if bytes[i] == UInt8(ascii: ",") {
        i += 1
        continue
      }
      guard bytes[i] == UInt8(ascii: "]") else { throw error("unexpected \(describe()): expected ',' or ']'") }
      i += 1
      depth -= 1
      return .array(elements)
    }
  }

  // MARK: - Strings

  mutating func string() throws(JSONError) -> String {
    let open = i
    i += 1
    var out: [UInt8] = []
    var runStart = i
    while i < bytes.count {
      let b = bytes[i]
      if b == UInt8(ascii: "\"") {
        out += bytes[runStart..<i]
        i += 1
        guard let s = String(validating: out, as: UTF8.self) else {
          throw error("the string is not valid UTF-8", at: open)
        }
        return s
      }
      if b < 0x20 { throw error("control character 0x\(String(b, radix: 16, uppercase: true)) inside a string") }
      if b == UInt8(ascii: "\\") {
        out += bytes[runStart..<i]
        try escape(into: &out)
        runStart = i
        continue
      }
      i += 1
    }
    throw error("unterminated string", at: open)
  }

  mutating func escape(into out: inout [UInt8]) throws(JSONError) {
    i += 1
    guard i < bytes.count else { throw error("unterminated escape") }
    let c = bytes[i]
    i += 1
    switch c {
    case UInt8(ascii: "\""): out.append(0x22)
    case UInt8(ascii: "\\"): out.append(0x5C)
    case UInt8(ascii: "/"): out.append(0x2F)
    case UInt8(ascii: "b"): out.append(0x08)
    case UInt8(ascii: "f"): out.append(0x0C)
    case UInt8(ascii: "n"): out.append(0x0A)
    case UInt8(ascii: "r"): out.append(0x0D)
    case UInt8(ascii: "t"): out.append(0x09)
    case UInt8(ascii: "u"):
      var scalar = try hex4()
      if (0xD800..<0xDC00).contains(scalar) {
        // A high surrogate must be followed by an escaped low one.
        guard matches("\\u") else { throw error("a lone surrogate \\u\(String(scalar, radix: 16)) in a string") }
        i += 2
        let low = try hex4()
        guard (0xDC00..<0xE000).contains(low) else { throw error("a lone surrogate in a string") }
        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
      } else if (0xDC00..<0xE000).contains(scalar) {
        throw error("a lone surrogate \\u\(String(scalar, radix: 16)) in a string")
      }
      guard let u = Unicode.Scalar(scalar) else { throw error("an invalid \\u escape") }
      out += Array(String(Character(u)).utf8)
    default:
      i -= 1
      throw error("unknown escape \\\(String(UnicodeScalar(c)))")
    }
  }

  mutating func hex4() throws(JSONError) -> UInt32 {
    guard i + 4 <= bytes.count else { throw error("a \\u escape needs four hex digits") }
    var v: UInt32 = 0
    for _ in 0..<4 {
      let b = bytes[i]
      let d: UInt32
      switch b {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - UInt8(ascii: "A") + 10)
      default: throw error("a \\u escape needs four hex digits")
      }
      v = v << 4 | d
      i += 1
    }
    return v
  }

  // MARK: - Numbers

  mutating func number() throws(JSONError) -> JSONValue {
    let start = i
    var integral = true
    if bytes[i] == UInt8(ascii: "-") { i += 1 }
    guard i < bytes.count, isDigit(bytes[i]) else { throw error("a number needs a digit after '-'") }
    if bytes[i] == UInt8(ascii: "0") {
      i += 1
      if i < bytes.count, isDigit(bytes[i]) { throw error("a number may not start with 0") }
    } else {
      while i < bytes.count, isDigit(bytes[i]) { i += 1 }
    }
    if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
      integral = false
      i += 1
      guard i < bytes.count, isDigit(bytes[i]) else { throw error("a number needs a digit after '.'") }
      while i < bytes.count, isDigit(bytes[i]) { i += 1 }
    }
    if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e") {
      integral = false
      i += 1
      if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
      guard i < bytes.count, isDigit(bytes[i]) else { throw error("a number needs a digit in its exponent") }
      while i < bytes.count, isDigit(bytes[i]) { i += 1 }
    }
    let text = String(decoding: bytes[start..<i], as: UTF8.self)
    if integral, let n = Int(text) { return .int(n) }
    guard let d = Double(text), d.isFinite else { throw error("number \(text.prefix(40)) is out of range", at: start) }
    return .double(d)
  }

  func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
}
