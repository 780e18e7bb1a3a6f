import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// Roofline totals of a group of steps.
  public struct RooflineTotals: Codable, Sendable, Equatable {
    /// `steps`.
    public var steps: Int?
    /// `tokens`.
    public var tokens: Int?
    /// `measured_s`.
    public var measuredS: Double?
    /// `attainable_s`.
    public var attainableS: Double?
    /// `compute_bound_s`.
    public var computeBoundS: Double?
    /// `memory_bound_s`.
    public var memoryBoundS: Double?
    /// `efficiency_pct`.
    public var efficiencyPct: Double?
    /// `bound`.
    public var bound: String?
    /// `classification`.
    public var classification: String?
    /// `steps_compute_bound`.
    public var stepsComputeBound: Int?
    /// `steps_memory_bound`.
    public var stepsMemoryBound: Int?
    /// `steps_overhead_bound`.
    public var stepsOverheadBound: Int?
    /// `mean_requests`.
    public var meanRequests: Double?
    /// `mean_decode_context_tokens`.
    public var meanDecodeContextTokens: Double?
    /// `achieved_tflops_per_gpu`.
    public var achievedTFLOPSPerGPU: Double?
    /// `achieved_gbps_per_gpu`.
    public var achievedGBpsPerGPU: Double?
    /// `measured_tokens_per_s`.
    public var measuredTokensPerS: Double?
    /// `bound_tokens_per_s`.
    public var boundTokensPerS: Double?

    enum CodingKeys: String, CodingKey {
      case steps
      case tokens
      case measuredS = "measured_s"
      case attainableS = "attainable_s"
      case computeBoundS = "compute_bound_s"
      case memoryBoundS = "memory_bound_s"
      case efficiencyPct = "efficiency_pct"
      case bound
      case classification
      case stepsComputeBound = "steps_compute_bound"
      case stepsMemoryBound = "steps_memory_bound"
      case stepsOverheadBound = "steps_overhead_bound"
      case meanRequests = "mean_requests"
      case meanDecodeContextTokens = "mean_decode_context_tokens"
      case achievedTFLOPSPerGPU = "achieved_tflops_per_gpu"
      case achievedGBpsPerGPU = "achieved_gbps_per_gpu"
      case measuredTokensPerS = "measured_tokens_per_s"
      case boundTokensPerS = "bound_tokens_per_s"
    }
  }
  // END GENERATED
}

extension ReportDocument.RooflineTotals {
  /// The totals `t` of a group whose classification is `classification`.
  init(_ t: RooflineAnalysis.Totals, classification: StepRoofline.Classification) {
    self.init(
      steps: t.steps, tokens: t.tokens, measuredS: t.measuredSeconds, attainableS: t.attainableSeconds,
      computeBoundS: t.computeSeconds, memoryBoundS: t.memorySeconds, efficiencyPct: t.efficiencyPct,
      bound: t.bound.rawValue, classification: classification.rawValue, stepsComputeBound: t.steps(.computeBound),
      stepsMemoryBound: t.steps(.memoryBound), stepsOverheadBound: t.steps(.overheadBound),
      meanRequests: t.meanRequests, meanDecodeContextTokens: t.meanDecodeContext,
      achievedTFLOPSPerGPU: t.achievedFLOPS.map { $0 / 1e12 }, achievedGBpsPerGPU: t.achievedBandwidth.map { $0 / 1e9 },
      measuredTokensPerS: t.measuredTokensPerSecond, boundTokensPerS: t.boundTokensPerSecond)
  }
}
