import ProfileMateCore

/// The `profilemate cudagraph --json` document: `schema_version`, `generator`, `source`, then the members of
/// ``ReportDocument/CudaGraphEconomics`` in the same object (docs/cudagraph.md).
public struct CudaGraphDocument: Codable, Sendable, Equatable {
  /// `schema_version`.
  public var schemaVersion: Int?
  /// `generator`.
  public var generator: ReportDocument.Generator?
  /// `source`: the log or histogram read.
  public var source: String?
  /// The economics, written into this object.
  public var economics: ReportDocument.CudaGraphEconomics

  enum CodingKeys: String, CodingKey {
    case schemaVersion = "schema_version"
    case generator
    case source
  }

  /// The document of `e` (checked against `tables`) for the input `source`, written by ProfileMate `toolVersion`.
  public init(_ e: CudaGraphEconomics, tables: CudaGraphAnalysis?, source: String, toolVersion: String) {
    schemaVersion = ReportDocument.currentSchemaVersion
    generator = ReportDocument.Generator(version: toolVersion)
    self.source = source
    economics = ReportDocument.CudaGraphEconomics(e, tables: tables)
  }

  /// Decodes the header and the economics from one object.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    schemaVersion = try c.decodeIfPresent(Int.self, forKey: .schemaVersion)
    generator = try c.decodeIfPresent(ReportDocument.Generator.self, forKey: .generator)
    source = try c.decodeIfPresent(String.self, forKey: .source)
    economics = try ReportDocument.CudaGraphEconomics(from: decoder)
  }

  /// Encodes the header, then the economics, into one object.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encodeIfPresent(schemaVersion, forKey: .schemaVersion)
    try c.encodeIfPresent(generator, forKey: .generator)
    try c.encodeIfPresent(source, forKey: .source)
    try economics.encode(to: encoder)
  }
}
