import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// What padding and eager steps cost in time, from per-kind step-time fits (`time_estimate`).
  public struct TimeEstimate: Codable, Sendable, Equatable {
    /// `estimate`.
    public var estimate: Bool?
    /// `model`.
    public var model: String?
    /// `steps`.
    public var steps: Int?
    /// `padding_ms_per_1000_steps`.
    public var paddingMsPer1000Steps: Double?
    /// `eager_ms_per_1000_steps`.
    public var eagerMsPer1000Steps: Double?
    /// `padding_ms`.
    public var paddingMs: Double?
    /// `eager_ms`.
    public var eagerMs: Double?
    /// `padding_tokens_without_usable_fit`.
    public var paddingTokensWithoutUsableFit: Int?
    /// `fits`.
    public var fits: OrderedMap<ReportDocument.StepTimeFit?, KeyOrder.StepKinds>?

    enum CodingKeys: String, CodingKey {
      case estimate
      case model
      case steps
      case paddingMsPer1000Steps = "padding_ms_per_1000_steps"
      case eagerMsPer1000Steps = "eager_ms_per_1000_steps"
      case paddingMs = "padding_ms"
      case eagerMs = "eager_ms"
      case paddingTokensWithoutUsableFit = "padding_tokens_without_usable_fit"
      case fits
    }
  }
  // END GENERATED
}

extension ReportDocument.TimeEstimate {
  /// How ``TimeEstimate/model`` describes the fits.
  static let modelDescription = "elapsed_ms = intercept_ms + ms_per_token * tokens, least squares per step kind"

  /// The figures of `t`; `fits` has `prefill`, `decode` and `mixed`, null for a kind without a fit.
  init(_ t: ProfileMateCore.CudaGraphEconomics.TimeEstimate) {
    let kinds: [StepKind] = [.prefill, .decode, .mixed]
    self.init(
      estimate: true, model: Self.modelDescription, steps: t.steps, paddingMsPer1000Steps: t.paddingMsPer1000Steps,
      eagerMsPer1000Steps: t.eagerMsPer1000Steps, paddingMs: t.paddingMs, eagerMs: t.eagerMs,
      paddingTokensWithoutUsableFit: t.paddingTokensWithoutUsableFit,
      fits: OrderedMap(kinds.map { ($0.rawValue, t.fits[$0].map(ReportDocument.StepTimeFit.init)) }))
  }
}
