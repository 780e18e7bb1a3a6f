/// Reads a what-if histogram of step token counts (`profilemate cudagraph --histogram FILE`).
///
/// Two JSON shapes: `{"<tokens>": <steps>, …}` (uniform decode steps), or an object per step class,
/// `{"decode": {…}, "mixed": {…}, "prefill": {…}}` (`uniform_decode` is a synonym of `decode`;
/// a missing class has no steps). Token counts are positive integers, step counts non-negative integers.
public enum CudaGraphHistogram {
  /// Why a histogram could not be read: a one-line message saying what was expected.
  public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message.
    public let description: String
  }

  /// The class each top-level key of the second shape names.
  static let classes: [String: CudaGraphStepClass] = [
    "decode": .uniformDecode, "uniform_decode": .uniformDecode, "mixed": .mixed, "prefill": .prefill,
  ]

  /// Parses `text` into a workload.
  public static func parse(_ text: String) throws(ParseError) -> CudaGraphWorkload {
    var p = Parser(bytes: Array(text.utf8))
    let top = try p.object()
    try p.end()
    var workload = CudaGraphWorkload()
    let nested = top.contains { if case .object = $0.value { return true } else { return false } }
    if nested {
      for (key, value) in top {
        guard let c = classes[key] else {
          throw ParseError(description: "unknown step class \"\(key)\"; expected decode, mixed or prefill")
        }
        guard case .object(let cells) = value else {
          throw ParseError(description: "\"\(key)\" must be an object of token count → steps")
        }
        try add(cells, as: c, to: &workload)
      }
    } else {
      try add(top, as: .uniformDecode, to: &workload)
    }
    return workload
  }

  /// The largest token count of a step (a step record holds up to 2 × 2^24) and the most steps per count:
  /// far beyond any real run, small enough that token × step sums cannot overflow.
  static let maxTokens = 1 << 25
  static let maxSteps = 1 << 36

  private static func add(
    _ cells: [(key: String, value: Value)], as c: CudaGraphStepClass, to workload: inout CudaGraphWorkload
  ) throws(ParseError) {
    for (key, value) in cells {
      guard let tokens = Int(key), tokens > 0, tokens <= maxTokens else {
        throw ParseError(description: "key \"\(key)\" is not a token count from 1 to \(maxTokens)")
      }
      guard case .int(let steps) = value, steps >= 0, steps <= maxSteps else {
        throw ParseError(description: "the step count for \(key) tokens must be an integer from 0 to \(maxSteps)")
      }
      workload.add(c, tokens: tokens, steps: steps)
    }
  }

  enum Value {
    case int(Int)
    case object([(key: String, value: Value)])
  }

  /// A JSON reader for exactly these shapes: objects, strings without escapes beyond `\"` and `\\`,
  /// and integers.
  struct Parser {
    let bytes: [UInt8]
    var i = 0

    init(bytes: [UInt8]) {
      self.bytes = bytes
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
    }

    mutating func skipSpace() {
      while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
    }

    func fail(_ what: String) -> ParseError {
      ParseError(description: "expected \(what) at byte \(i + 1)")
    }

    mutating func expect(_ c: UInt8, _ what: String) throws(ParseError) {
      skipSpace()
      guard i < bytes.count, bytes[i] == c else { throw fail(what) }
      i += 1
    }

    mutating func end() throws(ParseError) {
      skipSpace()
      guard i == bytes.count else { throw fail("the end of the document") }
    }

    /// Objects open now; the valid shapes nest two deep at most.
    var depth = 0

    mutating func value() throws(ParseError) -> Value {
      skipSpace()
      guard i < bytes.count else { throw fail("a value") }
      if bytes[i] == UInt8(ascii: "{") {
        guard depth < 3 else { throw fail("a step count (objects nest two deep at most)") }
        depth += 1
        defer { depth -= 1 }
        return .object(try object())
      }
      var digits = ""
      if bytes[i] == UInt8(ascii: "-") {
        digits = "-"
        i += 1
      }
      while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
        digits.unicodeScalars.append(Unicode.Scalar(bytes[i]))
        i += 1
      }
      guard let n = Int(digits) else { throw fail("an integer or an object") }
      return .int(n)
    }

    mutating func string() throws(ParseError) -> String {
      try expect(UInt8(ascii: "\""), "a quoted key")
      var out: [UInt8] = []
      while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
        if bytes[i] == UInt8(ascii: "\\"), i + 1 < bytes.count { i += 1 }
        out.append(bytes[i])
        i += 1
      }
      guard i < bytes.count else { throw fail("a closing quote") }
      i += 1
      return String(decoding: out, as: UTF8.self)
    }

    mutating func object() throws(ParseError) -> [(key: String, value: Value)] {
      try expect(UInt8(ascii: "{"), "an object")
      var members: [(key: String, value: Value)] = []
      skipSpace()
      if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
        i += 1
        return members
      }
      while true {
        let key = try string()
        try expect(UInt8(ascii: ":"), "':'")
        members.append((key, try value()))
        skipSpace()
        guard i < bytes.count else { throw fail("',' or '}'") }
        if bytes[i] == UInt8(ascii: ",") {
          i += 1
          continue
        }
        try expect(UInt8(ascii: "}"), "',' or '}'")
        return members
      }
    }
  }
}
