/// A single value: sets the node's kind.
struct NodeSingleValueContainer: SingleValueEncodingContainer {
  let node: JSONNode
  let codingPath: [any CodingKey]

  mutating func encodeNil() throws { node.kind = .null }
  mutating func encode(_ value: Bool) throws { node.kind = .bool(value) }
  mutating func encode(_ value: String) throws { node.kind = .string(value) }
  mutating func encode(_ value: Double) throws { node.kind = Self.number(value) }
  mutating func encode(_ value: Float) throws {
    // Float's own shortest spelling (0.1, not the 0.10000000149011612 of its Double).
    guard value.isFinite else { return node.kind = .null }
    node.kind = .number(value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)")
  }
  mutating func encode(_ value: Int) throws { node.kind = .number(String(value)) }
  mutating func encode(_ value: Int8) throws { node.kind = .number(String(value)) }
  mutating func encode(_ value: Int16) throws { node.kind = .number(String(value)) }
  mutating func encode(_ value: Int32) throws { node.kind = .number(String(value)) }
  mutating func encode(_ value: Int64) throws { node.kind = .number(String(value)) }
  mutating func encode(_ value: UInt) throws { node.kind = .number(String(value)) }
  mutating func encode(_ value: UInt8) throws { node.kind = .number(String(value)) }
  mutating func encode(_ value: UInt16) throws { node.kind = .number(String(value)) }
  mutating func encode(_ value: UInt32) throws { node.kind = .number(String(value)) }
  mutating func encode(_ value: UInt64) throws { node.kind = .number(String(value)) }
  mutating func encode<T: Encodable>(_ value: T) throws {
    try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
  }

  /// A double's node: `null` when not finite (``ReportJSONEncoder/number(_:)``).
  static func number(_ x: Double) -> JSONNode.Kind {
    x.isFinite ? .number(ReportJSONEncoder.number(x)) : .null
  }
}
