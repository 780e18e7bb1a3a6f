import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// A least-squares fit of step time against tokens for one step kind (`fits.KIND`).
  public struct StepTimeFit: Codable, Sendable, Equatable {
    /// `steps`.
    public var steps: Int?
    /// `intercept_ms`.
    public var interceptMs: Double?
    /// `ms_per_token`.
    public var msPerToken: Double?
    /// `r_squared`.
    public var rSquared: Double?
    /// `rmse_ms`.
    public var rmseMs: Double?

    enum CodingKeys: String, CodingKey {
      case steps
      case interceptMs = "intercept_ms"
      case msPerToken = "ms_per_token"
      case rSquared = "r_squared"
      case rmseMs = "rmse_ms"
    }
  }
  // END GENERATED
}

extension ReportDocument.StepTimeFit {
  /// The figures of `f`.
  init(_ f: ProfileMateCore.StepTimeFit) {
    self.init(
      steps: f.steps, interceptMs: f.interceptMs, msPerToken: f.msPerToken, rSquared: f.rSquared, rmseMs: f.rmseMs)
  }
}
