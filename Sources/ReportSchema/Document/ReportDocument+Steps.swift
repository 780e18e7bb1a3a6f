import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// Prefill/decode timing from iteration lines (`steps`).
  public struct Steps: Codable, Sendable, Equatable {
    /// `count`.
    public var count: Int?
    /// `context_tokens`.
    public var contextTokens: Int?
    /// `generation_tokens`.
    public var generationTokens: Int?
    /// `total_ms`.
    public var totalMs: Double?
    /// `tokens_per_second`.
    public var tokensPerSecond: Double?
    /// `batch_utilization_pct`.
    public var batchUtilizationPct: Double?
    /// `dummy_steps`.
    public var dummySteps: Int?
    /// `mixed_to_decode_median_ratio`.
    public var mixedToDecodeMedianRatio: Double?
    /// `by_kind`.
    public var byKind: OrderedMap<ReportDocument.StepKindFigures, KeyOrder.StepKinds>?
    /// `decode_batch_size`.
    public var decodeBatchSize: ReportDocument.Distribution?
    /// `tokens_per_step`.
    public var tokensPerStep: ReportDocument.Distribution?
    /// `lines`.
    public var lines: ReportDocument.StepLines?

    enum CodingKeys: String, CodingKey {
      case count
      case contextTokens = "context_tokens"
      case generationTokens = "generation_tokens"
      case totalMs = "total_ms"
      case tokensPerSecond = "tokens_per_second"
      case batchUtilizationPct = "batch_utilization_pct"
      case dummySteps = "dummy_steps"
      case mixedToDecodeMedianRatio = "mixed_to_decode_median_ratio"
      case byKind = "by_kind"
      case decodeBatchSize = "decode_batch_size"
      case tokensPerStep = "tokens_per_step"
      case lines
    }
  }
  // END GENERATED
}

extension ReportDocument.Steps {
  /// The figures of `s`; `by_kind` always has every step kind (zeros, and null times, for kinds without steps).
  init(_ s: StepAnalysis) {
    self.init(
      count: s.count, contextTokens: s.contextTokens, generationTokens: s.generationTokens, totalMs: s.totalMs,
      tokensPerSecond: s.tokensPerSecond, batchUtilizationPct: s.batchUtilizationPct, dummySteps: s.dummySteps,
      mixedToDecodeMedianRatio: s.mixedToDecodeMedianRatio,
      byKind: OrderedMap(StepKind.allCases.map { ($0.rawValue, ReportDocument.StepKindFigures(s.byKind[$0])) }),
      decodeBatchSize: s.decodeBatchSize.map(ReportDocument.Distribution.init),
      tokensPerStep: s.tokensPerStep.map(ReportDocument.Distribution.init),
      lines: ReportDocument.StepLines(first: s.firstLine, last: s.lastLine, slowest: s.slowestLine))
  }
}
