import Foundation
import Testing

@testable import StrictJSON

@Suite struct JSONParserTests {
  func parse(_ s: String, _ o: JSONParser.Options = .init()) throws(JSONError) -> JSONValue {
    try JSONParser.parse(Array(s.utf8), options: o)
  }

  func failure(_ s: String, _ o: JSONParser.Options = .init()) -> JSONError? {
    do {
      _ = try parse(s, o)
      return nil
    } catch {
      return error
    }
  }

  @Test func values() throws {
    let v = try parse(#" {"a": [1, -2, 3.5, 1e3, true, false, null], "s": "x\"\\\/\n\u00e9\ud83d\ude00", "o": {}} "#)
    #expect(v["a"] == .array([.int(1), .int(-2), .double(3.5), .double(1000), .bool(true), .bool(false), .null]))
    #expect(v["s"]?.stringValue == "x\"\\/\né😀")
    #expect(v["o"] == .object([:]))
    #expect(try parse("\u{FEFF}[]") == .array([]))
    #expect(try parse("9223372036854775807") == .int(Int.max))
    #expect(try parse("9223372036854775808") == .double(9_223_372_036_854_775_808))  // beyond Int: a double
    #expect(try parse(#"{"k": 1, "k": 2}"#)["k"] == .int(2))  // the last of a repeated key
  }

  /// Every error names the line and column of the byte at fault (1-based, columns in bytes).
  @Test func errorsNameLineAndColumn() {
    #expect(
      failure("{\n  \"a\" 1\n}")
        == JSONError(line: 2, column: 7, reason: "unexpected '1': expected ':' after an object key"))
    #expect(failure("[1, 2") == JSONError(line: 1, column: 6, reason: "unexpected end of input: expected ',' or ']'"))
    #expect(failure("") == JSONError(line: 1, column: 1, reason: "empty document: expected a JSON value"))
    #expect(failure("[01]")?.reason == "a number may not start with 0")
    #expect(failure("1e999")?.reason == "number 1e999 is out of range")
    #expect(failure("\"a\u{01}\"")?.reason == "control character 0x1 inside a string")
    #expect(failure(#""\ud800""#)?.reason == "a lone surrogate \\ud800 in a string")
    #expect(failure("[1] x")?.reason == "unexpected 'x' after the JSON value")
    #expect(failure("NaN")?.reason == "unexpected 'N': expected a JSON value")
    #expect(failure(#""\q""#)?.reason == "unknown escape \\q")
    #expect(failure("[\"\u{FF}\"]".replacingOccurrences(of: "\u{FF}", with: "ÿ")) == nil)
    // Invalid UTF-8 inside a string.
    #expect((try? JSONParser.parse([0x22, 0xC3, 0x28, 0x22])) == nil)
  }

  /// Nesting is bounded while parsing: 128 levels read, 129 refused, and a document of 100,000 open brackets
  /// is refused at the 129th (no stack exhaustion, no quadratic work).
  @Test func nestingIsBounded() throws {
    let ok = String(repeating: "[", count: 128) + String(repeating: "]", count: 128)
    #expect(throws: Never.self) { try parse(ok) }
    let deep = String(repeating: "[", count: 129) + String(repeating: "]", count: 129)
    #expect(failure(deep) == JSONError(line: 1, column: 129, reason: "nesting deeper than 128 levels"))
    let bomb = String(repeating: "[", count: 100_000)
    #expect(failure(bomb)?.reason == "nesting deeper than 128 levels")
    #expect(failure(String(repeating: "[", count: 20), .init(maxDepth: 10))?.column == 11)
  }

  /// Python's json.dump writes NaN, Infinity and -Infinity for non-finite floats: read as null when asked.
  @Test func pythonNonFinite() throws {
    let v = try parse(#"{"a": NaN, "b": Infinity, "c": -Infinity, "d": -1, "s": "NaN"}"#, .init(pythonNonFinite: true))
    #expect(v["a"] == .null && v["b"] == .null && v["c"] == .null && v["d"] == .int(-1))
    #expect(v["s"]?.stringValue == "NaN")
    #expect(failure("[Infinity]") != nil)
  }

  /// Numbers are correctly rounded: Python wrote each of these with `repr` (the shortest text that reads back as
  /// the same double), so reading gives a double whose shortest text is the same again. Foundation's
  /// JSONSerialization reads the second one off by some ulps (1.1917999927391069e-05).
  @Test func numbersRoundTripPythonsRepr() throws {
    for text in ["6.880000000819564e-06", "1.1917999927391065e-05", "0.027193156999601342", "175.28747229015153"] {
      guard case .double(let d) = try parse(text) else { Issue.record("\(text): not a double"); continue }
      #expect("\(d)" == text)
    }
  }

  /// Differential check against Foundation's parser on every JSON file of the shared fixtures and examples: the
  /// same tree (numbers compared as values, to 13 significant digits: Foundation is off by up to about ten ulps
  /// on some of these files, where this parser reads the text Python wrote back exactly).
  @Test func agreesWithFoundationOnRealFiles() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    var files: [URL] = []
    for dir in ["../shared/fixtures", "examples"] {
      guard
        let e = FileManager.default.enumerator(at: root.appendingPathComponent(dir), includingPropertiesForKeys: nil)
      else { continue }
      for case let url as URL in e where url.pathExtension == "json" { files.append(url) }
    }
    #expect(files.count >= 10)
    for url in files {
      let data = try Data(contentsOf: url)
      guard let foundation = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
        continue  // Python-style NaN: covered above
      }
      let mine = try JSONParser.parse(Array(data))
      #expect(difference(mine, foundation, "$") == nil, "\(url.lastPathComponent)")
    }
  }

  /// The path of the first place where the trees differ, or nil.
  func difference(_ a: JSONValue, _ b: Any, _ path: String) -> String? {
    switch a {
    case .null: return b is NSNull ? nil : path
    case .bool(let x):
      let n = b as? NSNumber
      return n.map { String(cString: $0.objCType) == "c" && $0.boolValue == x } == true ? nil : path
    case .int(let x): return (b as? NSNumber)?.doubleValue == Double(x) ? nil : path
    case .double(let x):
      guard let y = (b as? NSNumber)?.doubleValue else { return path }
      return x == y || abs(x - y) <= 1e-13 * abs(x) ? nil : "\(path): \(x) vs \(y)"
    case .string(let x): return (b as? String) == x ? nil : path
    case .array(let xs):
      guard let ys = b as? [Any], ys.count == xs.count else { return path + " (length)" }
      for (i, (x, y)) in zip(xs, ys).enumerated() {
        if let d = difference(x, y, "\(path)[\(i)]") { return d }
      }
      return nil
    case .object(let o):
      guard let p = b as? [String: Any], p.count == o.count else { return path + " (keys)" }
      for (k, v) in o {
        guard let w = p[k] else { return path + "." + k }
        if let d = difference(v, w, path + "." + k) { return d }
      }
      return nil
    }
  }
}
