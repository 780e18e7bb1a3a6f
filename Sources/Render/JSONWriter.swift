import ReportSchema

/// A small streaming JSON writer with stable key order (the order of the calls) and
/// correct string escaping. Non-finite numbers are written as `null`.
public struct JSONWriter {
  /// The text written so far.
  public private(set) var text = ""
  private var needsComma: [Bool] = [false]
  private let indentUnit: String
  private var depth: Int { needsComma.count - 1 }

  /// Creates a writer; `pretty` indents by two spaces.
  public init(pretty: Bool = true) {
    indentUnit = pretty ? "  " : ""
  }

  private mutating func separator() {
    if needsComma[needsComma.count - 1] { text += "," }
    needsComma[needsComma.count - 1] = true
    if !indentUnit.isEmpty, depth > 0 {
      text += "\n" + String(repeating: indentUnit, count: depth)
    }
  }

  private mutating func key(_ k: String?) {
    separator()
    if let k {
      text += Self.quoted(k)
      text += indentUnit.isEmpty ? ":" : ": "
    }
  }

  /// Opens an object (as a member `key` when inside an object).
  public mutating func beginObject(_ k: String? = nil) {
    if k != nil || depth > 0 { key(k) }
    text += "{"
    needsComma.append(false)
  }

  /// Closes the innermost object.
  public mutating func endObject() { close("}") }

  /// Opens an array (as a member `key` when inside an object).
  public mutating func beginArray(_ k: String? = nil) {
    if k != nil || depth > 0 { key(k) }
    text += "["
    needsComma.append(false)
  }

  /// Closes the innermost array.
  public mutating func endArray() { close("]") }

  private mutating func close(_ bracket: String) {
    let hadMembers = needsComma.removeLast()
    if hadMembers, !indentUnit.isEmpty { text += "\n" + String(repeating: indentUnit, count: depth) }
    text += bracket
  }

  /// Writes a string member (or array element when `k` is nil); nil → `null`.
  public mutating func string(_ k: String?, _ v: String?) {
    key(k)
    text += v.map(Self.quoted) ?? "null"
  }

  /// Writes an integer; nil → `null`.
  public mutating func int(_ k: String?, _ v: Int?) {
    key(k)
    text += v.map(String.init) ?? "null"
  }

  /// Writes a number; nil, NaN and infinities → `null`.
  public mutating func double(_ k: String?, _ v: Double?) {
    key(k)
    guard let v, v.isFinite else {
      text += "null"
      return
    }
    if v == v.rounded(), abs(v) < 1e15 {
      text += String(Int64(v))
    } else {
      text += "\(v)"
    }
  }

  /// Writes a number rounded to `decimals` places (for derived figures); nil → `null`.
  public mutating func rounded(_ k: String?, _ v: Double?, _ decimals: Int = 4) {
    guard let v, v.isFinite else { return double(k, nil) }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    double(k, (v * scale).rounded() / scale)
  }

  /// Writes a boolean; nil → `null`.
  public mutating func bool(_ k: String?, _ v: Bool?) {
    key(k)
    text += v.map { $0 ? "true" : "false" } ?? "null"
  }

  /// Writes an array of integers; nil → `null`.
  public mutating func ints(_ k: String?, _ v: [Int]?) {
    guard let v else {
      key(k)
      text += "null"
      return
    }
    key(k)
    text += "[" + v.map(String.init).joined(separator: ", ") + "]"
  }

  /// Writes a value of the report schema (``ReportJSONEncoder``, indented to fit here); nil → `null`.
  public mutating func encoded<T: Encodable>(_ k: String?, _ v: T?) {
    key(k)
    guard let v else {
      text += "null"
      return
    }
    text += ReportText.encode(v, pretty: !indentUnit.isEmpty, depth: depth)
  }

  /// A JSON string literal for `s` (``ReportJSONEncoder/quoted(_:)``).
  public static func quoted(_ s: String) -> String {
    ReportJSONEncoder.quoted(s)
  }
}
