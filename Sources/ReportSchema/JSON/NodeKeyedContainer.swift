/// An object's members, appended in the order they are encoded. `encodeIfPresent` writes `null` for nil (the
/// standard library's default would leave the member out).
struct NodeKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let node: JSONNode
  let codingPath: [any CodingKey]

  private func single(_ key: Key) -> NodeSingleValueContainer {
    NodeSingleValueContainer(node: node.member(key.stringValue), codingPath: codingPath + [key])
  }

  mutating func encodeNil(forKey key: Key) throws { node.member(key.stringValue).kind = .null }
  mutating func encode(_ value: Bool, forKey key: Key) throws {
    var c = single(key)
    try c.encode(value)
  }
  mutating func encode(_ value: String, forKey key: Key) throws {
    var c = single(key)
    try c.encode(value)
  }
  mutating func encode(_ value: Double, forKey key: Key) throws {
    var c = single(key)
    try c.encode(value)
  }
  mutating func encode(_ value: Float, forKey key: Key) throws {
    var c = single(key)
    try c.encode(value)
  }
  mutating func encode(_ value: Int, forKey key: Key) throws {
    var c = single(key)
    try c.encode(value)
  }
  mutating func encode(_ value: Int8, forKey key: Key) throws {
    var c = single(key)
    try c.encode(value)
  }
  mutating func encode(_ value: Int16, forKey key: Key) throws {
    var c = single(key)
    try c.encode(value)
  }
  mutating func encode(_ value: Int32, forKey key: Key) throws {
    var c = single(key)
    try c.encode(value)
  }
  mutating func encode(_ value: Int64, forKey key: Key) throws {
    var c = single(key)
    try c.encode(value)
  }
  mutating func encode(_ value: UInt, forKey key: Key) throws {
    var c = single(key)
    try c.encode(value)
  }
  mutating func encode(_ value: UInt8, forKey key: Key) throws {
    var c = single(key)
    try c.encode(value)
  }
  mutating func encode(_ value: UInt16, forKey key: Key) throws {
    var c = single(key)
    try c.encode(value)
  }
  mutating func encode(_ value: UInt32, forKey key: Key) throws {
    var c = single(key)
    try c.encode(value)
  }
  mutating func encode(_ value: UInt64, forKey key: Key) throws {
    var c = single(key)
    try c.encode(value)
  }
  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    var c = single(key)
    try c.encode(value)
  }
  mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
  }
  mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
  }
  mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
  }
  mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
  }
  mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
  }
  mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
  }
  mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
  }
  mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
  }
  mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
  }
  mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
  }
  mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
  }
  mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
  }
  mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
  }
  mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
  }
  mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder {
    NodeEncoder(node: node.member("super"), codingPath: codingPath + [StringKey("super")])
  }

  mutating func superEncoder(forKey key: Key) -> any Encoder {
    NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key])
  }
}
