import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// The tables' own padding figures (`cudagraph_economics.from_tables`).
  public struct TableFigures: Codable, Sendable, Equatable {
    /// `steps`.
    public var steps: Int?
    /// `unpadded_tokens`.
    public var unpaddedTokens: Int?
    /// `padded_tokens`.
    public var paddedTokens: Int?
    /// `padding_tokens`.
    public var paddingTokens: Int?
    /// `padding_overhead_pct`.
    public var paddingOverheadPct: Double?
    /// `eager_steps`.
    public var eagerSteps: Int?

    enum CodingKeys: String, CodingKey {
      case steps
      case unpaddedTokens = "unpadded_tokens"
      case paddedTokens = "padded_tokens"
      case paddingTokens = "padding_tokens"
      case paddingOverheadPct = "padding_overhead_pct"
      case eagerSteps = "eager_steps"
    }
  }
  // END GENERATED
}

extension ReportDocument.TableFigures {
  /// The padding figures of the tables in `t`.
  init(_ t: CudaGraphAnalysis) {
    self.init(
      steps: t.steps, unpaddedTokens: t.unpaddedTokens, paddedTokens: t.paddedTokens, paddingTokens: t.paddingTokens,
      paddingOverheadPct: t.paddingOverheadPct, eagerSteps: t.eagerSteps)
  }
}
