/// What a JSON document says its `schema_version` is, read before the document itself (a report of
/// another version may not decode into this build's types).
public struct SchemaVersionProbe: Decodable, Sendable, Equatable {
  /// The `schema_version` member.
  public enum Version: Sendable, Equatable {
    /// The document has no `schema_version`.
    case missing
    /// `schema_version` is not an integer (a string, a fraction, a boolean, null, …).
    case notAnInteger
    /// `schema_version` is this integer.
    case value(Int)
  }

  /// The version found.
  public var version: Version

  enum CodingKeys: String, CodingKey {
    case schemaVersion = "schema_version"
  }

  /// Reads `schema_version` of an object.
  /// - Throws: `DecodingError` when the document is not a JSON object.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    if !c.contains(.schemaVersion) {
      version = .missing
    } else if let v = try? c.decode(Int.self, forKey: .schemaVersion) {
      version = .value(v)
    } else {
      version = .notAnInteger
    }
  }
}
