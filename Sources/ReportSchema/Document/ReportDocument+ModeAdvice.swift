import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// The CUDA-graph mode recommendation (`mode_advice`).
  public struct ModeAdvice: Codable, Sendable, Equatable {
    /// `current`.
    public var current: String?
    /// `recommended`.
    public var recommended: String?
    /// `change_advised`.
    public var changeAdvised: Bool?
    /// `flag`.
    public var flag: String?
    /// `path`.
    public var path: [String]?
    /// `evidence`.
    public var evidence: [String]?

    enum CodingKeys: String, CodingKey {
      case current
      case recommended
      case changeAdvised = "change_advised"
      case flag
      case path
      case evidence
    }
  }
  // END GENERATED
}

extension ReportDocument.ModeAdvice {
  /// The advice `a`; `evidence` lists its overrides.
  init(_ a: CudaGraphModeAdvice) {
    self.init(
      current: a.current?.rawValue, recommended: a.recommended.rawValue, changeAdvised: a.changeAdvised, flag: a.flag,
      path: a.path, evidence: a.overrides)
  }
}
