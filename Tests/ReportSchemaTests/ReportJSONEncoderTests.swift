import Foundation
import Testing

@testable import ReportSchema

/// The report encoder's text, against JSON written out by hand.
@Suite struct ReportJSONEncoderTests {
  /// Members declared out of alphabetical order, nil optionals of every kind, and a nested value.
  struct Sample: Encodable {
    var zeta = 1
    var alpha: String? = nil
    var mid: Double? = nil
    var flag: Bool? = nil
    var count: Int? = nil
    var list: [Int]? = nil
    var inner = Inner()

    struct Inner: Encodable {
      var b = "x"
      var a: [String] = ["p", "q"]
    }
  }

  private func text<T: Encodable>(_ v: T, pretty: Bool = true) throws -> String {
    try ReportJSONEncoder(pretty: pretty).encode(v)
  }

  @Test func membersInDeclarationOrderAndNilAsNull() throws {
    let expected = """
      {
        "zeta": 1,
        "alpha": null,
        "mid": null,
        "flag": null,
        "count": null,
        "list": null,
        "inner": {
          "b": "x",
          "a": [
            "p",
            "q"
          ]
        }
      }
      """
    #expect(try text(Sample()) == expected)
  }

  @Test func compactHasNoWhiteSpace() throws {
    var s = Sample()
    s.list = [1, 2]
    #expect(
      try text(s, pretty: false)
        == #"{"zeta":1,"alpha":null,"mid":null,"flag":null,"count":null,"list":[1,2],"inner":{"b":"x","a":["p","q"]}}"#)
  }

  @Test func numberArraysStayOnOneLineAndEmptyContainersAreClosed() throws {
    struct V: Encodable {
      var sizes = [1, 2, 4]
      var none: [Int] = []
      var empty: [String: Int] = [:]
    }
    #expect(try text(V()) == "{\n  \"sizes\": [1, 2, 4],\n  \"none\": [],\n  \"empty\": {}\n}")
  }

  @Test(arguments: [
    (Double.nan, "null"), (Double.infinity, "null"), (-Double.infinity, "null"), (5.0, "5"), (-0.0, "0"),
    (0.035204, "0.035204"), (100.0 / 3, "33.333333333333336"), (1e-5, "1e-05"),
    (999_999_999_999_999.0, "999999999999999"),
    (1e15, "1000000000000000.0"), (1e16, "1e+16"), (0.1 + 0.2, "0.30000000000000004"), (-2.5, "-2.5"),
  ])
  func numbers(_ x: Double, _ spelling: String) throws {
    #expect(ReportJSONEncoder.number(x) == spelling)
    #expect(try text([x]) == "[\(spelling)]" || spelling == "null" && (try text([x])) == "[\n  null\n]")
  }

  @Test func integersAreWrittenAsIntegers() throws {
    struct V: Encodable {
      var i = Int.max
      var u = UInt64.max
      var n = Int8.min
      var d = 2.0
      var f: Float = 0.1
    }
    #expect(
      try text(V(), pretty: false)
        == #"{"i":9223372036854775807,"u":18446744073709551615,"n":-128,"d":2,"f":0.1}"#)
  }

  @Test func numbersReadBackExactly() throws {
    let values = [0.035204, 100.0 / 3, 1e-5, 1e15, 6.02214076e23, 5e-324, 0.1 + 0.2]
    let data = Data(try text(values).utf8)
    #expect(try JSONDecoder().decode([Double].self, from: data) == values)
  }

  @Test func stringsAreEscaped() throws {
    #expect(ReportJSONEncoder.quoted("plain") == #""plain""#)
    #expect(ReportJSONEncoder.quoted("a\"b\\c") == #""a\"b\\c""#)
    #expect(ReportJSONEncoder.quoted("l1\nl2\r\t") == #""l1\nl2\r\t""#)
    #expect(ReportJSONEncoder.quoted("\u{1B}[0m\u{0}") == #""\u001b[0m\u0000""#)
    #expect(ReportJSONEncoder.quoted("\u{7F}") == #""\u007f""#)
    #expect(ReportJSONEncoder.quoted("é ✓ 🚀") == "\"é ✓ 🚀\"")
    #expect(try text(["k\"ey": "v"]) == "{\n  \"k\\\"ey\": \"v\"\n}")
  }

  @Test func depthIndentsAValuePlacedInsideAnotherDocument() throws {
    struct V: Encodable { var a = 1 }
    #expect(try ReportJSONEncoder().encode(V(), depth: 2) == "{\n      \"a\": 1\n    }")
  }

  @Test func aTypeMayEncodeAPartIntoItsOwnObject() throws {
    struct Part: Encodable { var p = 2 }
    struct Whole: Encodable {
      enum CodingKeys: String, CodingKey { case first, last }
      func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(1, forKey: .first)
        try Part().encode(to: encoder)
        try c.encode(3, forKey: .last)
      }
    }
    #expect(try text(Whole(), pretty: false) == #"{"first":1,"p":2,"last":3}"#)
  }

  @Test func optionalValuesInsideContainers() throws {
    let list: [Int?] = [1, nil, 3]
    #expect(try text(list, pretty: false) == "[1,null,3]")
    #expect(try text(list) == "[\n  1,\n  null,\n  3\n]")
  }
}
