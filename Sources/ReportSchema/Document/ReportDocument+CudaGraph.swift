import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// CUDA-graph padding from `--cudagraph-metrics` tables (`cudagraph`).
  public struct CudaGraph: Codable, Sendable, Equatable {
    /// `tables`.
    public var tables: Int?
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
    /// `steps_by_mode`.
    public var stepsByMode: OrderedMap<Int, KeyOrder.Lexical>?
    /// `padding_tokens_by_mode`.
    public var paddingTokensByMode: OrderedMap<Int, KeyOrder.Lexical>?
    /// `top_padded_sizes`.
    public var topPaddedSizes: [ReportDocument.PaddedSize]?
    /// `eager_steps`.
    public var eagerSteps: Int?
    /// `eager_steps_above_largest`.
    public var eagerStepsAboveLargest: Int?
    /// `mode`.
    public var mode: String?
    /// `capture_sizes`.
    public var captureSizes: [Int]?
    /// `first_line`.
    public var firstLine: Int?

    enum CodingKeys: String, CodingKey {
      case tables
      case steps
      case unpaddedTokens = "unpadded_tokens"
      case paddedTokens = "padded_tokens"
      case paddingTokens = "padding_tokens"
      case paddingOverheadPct = "padding_overhead_pct"
      case stepsByMode = "steps_by_mode"
      case paddingTokensByMode = "padding_tokens_by_mode"
      case topPaddedSizes = "top_padded_sizes"
      case eagerSteps = "eager_steps"
      case eagerStepsAboveLargest = "eager_steps_above_largest"
      case mode
      case captureSizes = "capture_sizes"
      case firstLine = "first_line"
    }
  }
  // END GENERATED
}

extension ReportDocument.CudaGraph {
  /// The figures of the tables in `g`.
  init(_ g: CudaGraphAnalysis) {
    self.init(
      tables: g.tables, steps: g.steps, unpaddedTokens: g.unpaddedTokens, paddedTokens: g.paddedTokens,
      paddingTokens: g.paddingTokens, paddingOverheadPct: g.paddingOverheadPct,
      stepsByMode: OrderedMap(g.byMode.map { ($0.key, $0.steps) }),
      paddingTokensByMode: OrderedMap(g.byMode.map { ($0.key, $0.paddingTokens) }),
      topPaddedSizes: g.topPaddedSizes.map {
        ReportDocument.PaddedSize(size: Int($0.key), steps: $0.steps, paddingTokens: $0.paddingTokens)
      },
      eagerSteps: g.eagerSteps, eagerStepsAboveLargest: g.eagerStepsAboveLargest, mode: g.mode,
      captureSizes: g.captureSizes, firstLine: g.firstLine)
  }
}
