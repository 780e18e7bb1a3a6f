/// A JSON object whose keys come from the data (`by_kind`, `non_default_args`, `latency_ms`, …): string keys
/// to values of one type, kept — and written — in the order `Order` defines, so that a report decoded and
/// encoded again gives the same text (JSON decoders do not keep key order).
public struct OrderedMap<Value: Codable & Sendable & Equatable, Order: MapKeyOrder>: Codable, Sendable, Equatable {
  /// One member.
  public struct Entry: Sendable, Equatable {
    /// The key.
    public var key: String
    /// The value.
    public var value: Value
  }

  /// The members, in `Order`.
  public private(set) var entries: [Entry] = []

  /// An empty map.
  public init() {}

  /// A map of `pairs` (a later pair replaces an earlier one with the same key), put in `Order`.
  public init(_ pairs: [(String, Value)]) {
    for (k, v) in pairs { self[k] = v }
  }

  /// The keys, in order.
  public var keys: [String] { entries.map(\.key) }

  /// Whether the map has no members.
  public var isEmpty: Bool { entries.isEmpty }

  /// The value of `key`; setting nil removes the member, setting a value adds or replaces it in its place.
  public subscript(key: String) -> Value? {
    get { entries.first { $0.key == key }?.value }
    set {
      entries.removeAll { $0.key == key }
      guard let newValue else { return }
      let i = entries.firstIndex { Order.precedes(key, $0.key) } ?? entries.endIndex
      entries.insert(Entry(key: key, value: newValue), at: i)
    }
  }

  /// Decodes every member of an object.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: StringKey.self)
    for key in c.allKeys { self[key.stringValue] = try c.decode(Value.self, forKey: key) }
  }

  /// Encodes the members in order.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: StringKey.self)
    for e in entries { try c.encode(e.value, forKey: StringKey(e.key)) }
  }
}
