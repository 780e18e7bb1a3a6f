import Foundation

/// A parsed JSON value, strict about types: `true` is never a number and `0.5` is never an integer.
public enum JSONValue: Sendable, Hashable, Decodable {
  /// `null`.
  case null
  /// `true` / `false`.
  case bool(Bool)
  /// A number written without fraction or exponent that fits in 64 bits.
  case int(Int)
  /// Any other number.
  case double(Double)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object (a repeated key keeps its last value, as most parsers do).
  case object([String: JSONValue])

  public init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    if c.decodeNil() {
      self = .null
    } else if let b = try? c.decode(Bool.self) {
      self = .bool(b)
    } else if let i = try? c.decode(Int.self) {
      self = .int(i)
    } else if let d = try? c.decode(Double.self) {
      self = .double(d)
    } else if let s = try? c.decode(String.self) {
      self = .string(s)
    } else if let a = try? c.decode([JSONValue].self) {
      self = .array(a)
    } else {
      self = .object(try c.decode([String: JSONValue].self))
    }
  }

  /// Parses a JSON document with ``JSONParser`` (linear time, nesting bounded, errors with line and column).
  /// - Throws: ``JSONError``.
  public static func parse(_ data: Data, options: JSONParser.Options = .init()) throws(JSONError) -> JSONValue {
    try JSONParser.parse(Array(data), options: options)
  }

  /// Parses a JSON document held in bytes.
  /// - Throws: ``JSONError``.
  public static func parse(_ bytes: [UInt8], options: JSONParser.Options = .init()) throws(JSONError) -> JSONValue {
    try JSONParser.parse(bytes, options: options)
  }

  /// The member of an object, or `nil` (also for a non-object).
  public subscript(key: String) -> JSONValue? {
    if case .object(let o) = self { return o[key] }
    return nil
  }

  /// The integer value; an integral double (`4.0`) counts too.
  public var intValue: Int? {
    switch self {
    case .int(let i): return i
    case .double(let d) where d.rounded() == d && abs(d) < 9e18: return Int(d)
    default: return nil
    }
  }

  /// The numeric value as a double.
  public var doubleValue: Double? {
    switch self {
    case .int(let i): return Double(i)
    case .double(let d): return d
    default: return nil
    }
  }

  /// The string value.
  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// The boolean value.
  public var boolValue: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }

  /// The object value.
  public var objectValue: [String: JSONValue]? {
    if case .object(let o) = self { return o }
    return nil
  }

  /// The array value.
  public var arrayValue: [JSONValue]? {
    if case .array(let a) = self { return a }
    return nil
  }

  /// Whether this is `null`.
  public var isNull: Bool { self == .null }

  /// A short name of the value's type, for messages.
  public var typeName: String {
    switch self {
    case .null: return "null"
    case .bool: return "a boolean"
    case .int, .double: return "a number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    }
  }
}
