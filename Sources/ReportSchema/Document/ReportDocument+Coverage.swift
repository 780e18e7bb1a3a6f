import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// How much of the input the reader understood (`coverage`).
  public struct Coverage: Codable, Sendable, Equatable {
    /// `lines`.
    public var lines: Int?
    /// `bytes`.
    public var bytes: Int?
    /// `recognized`.
    public var recognized: Int?
    /// `unrecognized`.
    public var unrecognized: Int?
    /// `recognized_pct`.
    public var recognizedPct: Double?
    /// `by_kind`.
    public var byKind: OrderedMap<Int, KeyOrder.Lexical>?
    /// `wrapped_lines_joined`.
    public var wrappedLinesJoined: Int?
    /// `overlong_lines`.
    public var overlongLines: Int?
    /// `binary_lines`.
    public var binaryLines: Int?
    /// `saturated_steps`.
    public var saturatedSteps: Int?
    /// `timestamp_regressions`.
    public var timestampRegressions: Int?
    /// `time_span_seconds`.
    public var timeSpanSeconds: Double?

    enum CodingKeys: String, CodingKey {
      case lines
      case bytes
      case recognized
      case unrecognized
      case recognizedPct = "recognized_pct"
      case byKind = "by_kind"
      case wrappedLinesJoined = "wrapped_lines_joined"
      case overlongLines = "overlong_lines"
      case binaryLines = "binary_lines"
      case saturatedSteps = "saturated_steps"
      case timestampRegressions = "timestamp_regressions"
      case timeSpanSeconds = "time_span_seconds"
    }
  }
  // END GENERATED
}

extension ReportDocument.Coverage {
  /// The coverage `c` of an input whose timestamps span `timeSpan` seconds.
  init(_ c: ProfileMateCore.Coverage, timeSpan: Double?) {
    self.init(
      lines: c.lines, bytes: c.bytes, recognized: c.recognized, unrecognized: c.unrecognized,
      recognizedPct: c.lines > 0 ? Double(c.recognized) / Double(c.lines) * 100 : nil,
      byKind: OrderedMap(c.byKind.map { ($0.key, $0.value) }), wrappedLinesJoined: c.wrappedLinesJoined,
      overlongLines: c.overlongLines, binaryLines: c.binaryLines, saturatedSteps: c.saturatedSteps,
      timestampRegressions: c.timestampRegressions, timeSpanSeconds: timeSpan)
  }
}
