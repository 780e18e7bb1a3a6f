import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// CUDA-graph padding under vLLM's dispatch rule; written into `cudagraph_economics` and `fitted`.
  public struct Padding: Codable, Sendable, Equatable {
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
    /// `eager_tokens`.
    public var eagerTokens: Int?
    /// `eager_steps_above_largest`.
    public var eagerStepsAboveLargest: Int?
    /// `eager_min_tokens`.
    public var eagerMinTokens: Int?
    /// `eager_max_tokens`.
    public var eagerMaxTokens: Int?
    /// `graph_count`.
    public var graphCount: Int?
    /// `by_runtime_mode`.
    public var byRuntimeMode: OrderedMap<ReportDocument.PaddingSlice, KeyOrder.RuntimeModes>?
    /// `by_step_class`.
    public var byStepClass: OrderedMap<ReportDocument.PaddingSlice, KeyOrder.StepClasses>?
    /// `top_padded_sizes`.
    public var topPaddedSizes: [ReportDocument.PaddedSize]?
    /// `top_eager_token_counts`.
    public var topEagerTokenCounts: [ReportDocument.EagerTokenCount]?

    enum CodingKeys: String, CodingKey {
      case steps
      case unpaddedTokens = "unpadded_tokens"
      case paddedTokens = "padded_tokens"
      case paddingTokens = "padding_tokens"
      case paddingOverheadPct = "padding_overhead_pct"
      case eagerSteps = "eager_steps"
      case eagerTokens = "eager_tokens"
      case eagerStepsAboveLargest = "eager_steps_above_largest"
      case eagerMinTokens = "eager_min_tokens"
      case eagerMaxTokens = "eager_max_tokens"
      case graphCount = "graph_count"
      case byRuntimeMode = "by_runtime_mode"
      case byStepClass = "by_step_class"
      case topPaddedSizes = "top_padded_sizes"
      case topEagerTokenCounts = "top_eager_token_counts"
    }
  }
  // END GENERATED
}

extension ReportDocument.Padding {
  /// The figures of `p`; the maps list only the runtime modes and step classes that occurred.
  init(_ p: CudaGraphPadding) {
    self.init(
      steps: p.steps, unpaddedTokens: p.unpaddedTokens, paddedTokens: p.paddedTokens, paddingTokens: p.paddingTokens,
      paddingOverheadPct: p.paddingOverheadPct, eagerSteps: p.eagerSteps, eagerTokens: p.eagerTokens,
      eagerStepsAboveLargest: p.eagerStepsAboveLargest, eagerMinTokens: p.eagerTokenRange?.lowerBound,
      eagerMaxTokens: p.eagerTokenRange?.upperBound, graphCount: p.graphCount,
      byRuntimeMode: OrderedMap(p.byRuntimeMode.map { ($0.key.rawValue, ReportDocument.PaddingSlice($0.value)) }),
      byStepClass: OrderedMap(p.byClass.map { ($0.key.rawValue, ReportDocument.PaddingSlice($0.value)) }),
      topPaddedSizes: p.topPaddedSizes.map {
        ReportDocument.PaddedSize(size: $0.size, steps: $0.slice.steps, paddingTokens: $0.slice.paddingTokens)
      },
      topEagerTokenCounts: p.topEagerTokenCounts.map {
        ReportDocument.EagerTokenCount(tokens: $0.tokens, steps: $0.steps)
      })
  }
}
