/// An array's elements, appended in order.
struct NodeUnkeyedContainer: UnkeyedEncodingContainer {
  let node: JSONNode
  let codingPath: [any CodingKey]
  var count: Int { node.elements.count }

  private func single() -> NodeSingleValueContainer {
    NodeSingleValueContainer(node: node.element(), codingPath: codingPath + [StringKey(String(count))])
  }

  mutating func encodeNil() throws { node.element().kind = .null }
  mutating func encode(_ value: Bool) throws {
    var c = single()
    try c.encode(value)
  }
  mutating func encode(_ value: String) throws {
    var c = single()
    try c.encode(value)
  }
  mutating func encode(_ value: Double) throws {
    var c = single()
    try c.encode(value)
  }
  mutating func encode(_ value: Float) throws {
    var c = single()
    try c.encode(value)
  }
  mutating func encode(_ value: Int) throws {
    var c = single()
    try c.encode(value)
  }
  mutating func encode(_ value: Int8) throws {
    var c = single()
    try c.encode(value)
  }
  mutating func encode(_ value: Int16) throws {
    var c = single()
    try c.encode(value)
  }
  mutating func encode(_ value: Int32) throws {
    var c = single()
    try c.encode(value)
  }
  mutating func encode(_ value: Int64) throws {
    var c = single()
    try c.encode(value)
  }
  mutating func encode(_ value: UInt) throws {
    var c = single()
    try c.encode(value)
  }
  mutating func encode(_ value: UInt8) throws {
    var c = single()
    try c.encode(value)
  }
  mutating func encode(_ value: UInt16) throws {
    var c = single()
    try c.encode(value)
  }
  mutating func encode(_ value: UInt32) throws {
    var c = single()
    try c.encode(value)
  }
  mutating func encode(_ value: UInt64) throws {
    var c = single()
    try c.encode(value)
  }
  mutating func encode<T: Encodable>(_ value: T) throws {
    var c = single()
    try c.encode(value)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type
  ) -> KeyedEncodingContainer<NestedKey> {
    let path = codingPath + [StringKey(String(count))]
    return NodeEncoder(node: node.element(), codingPath: path).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let path = codingPath + [StringKey(String(count))]
    return NodeEncoder(node: node.element(), codingPath: path).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder {
    let path = codingPath + [StringKey(String(count))]
    return NodeEncoder(node: node.element(), codingPath: path)
  }
}
