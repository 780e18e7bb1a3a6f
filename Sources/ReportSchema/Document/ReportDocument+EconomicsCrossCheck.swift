import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// The rebuilt padding against the tables' (`cudagraph_economics.cross_check`).
  public struct EconomicsCrossCheck: Codable, Sendable, Equatable {
    /// `agree`.
    public var agree: Bool?
    /// `table_steps`.
    public var tableSteps: Int?
    /// `iteration_steps`.
    public var iterationSteps: Int?
    /// `table_padding_overhead_pct`.
    public var tablePaddingOverheadPct: Double?
    /// `iteration_padding_overhead_pct`.
    public var iterationPaddingOverheadPct: Double?
    /// `difference_pct_points`.
    public var differencePctPoints: Double?
    /// `table_eager_steps`.
    public var tableEagerSteps: Int?
    /// `iteration_eager_steps`.
    public var iterationEagerSteps: Int?

    enum CodingKeys: String, CodingKey {
      case agree
      case tableSteps = "table_steps"
      case iterationSteps = "iteration_steps"
      case tablePaddingOverheadPct = "table_padding_overhead_pct"
      case iterationPaddingOverheadPct = "iteration_padding_overhead_pct"
      case differencePctPoints = "difference_pct_points"
      case tableEagerSteps = "table_eager_steps"
      case iterationEagerSteps = "iteration_eager_steps"
    }
  }
  // END GENERATED
}

extension ReportDocument.EconomicsCrossCheck {
  /// The figures of `c`.
  init(_ c: ProfileMateCore.CudaGraphEconomics.CrossCheck) {
    self.init(
      agree: c.agree, tableSteps: c.tableSteps, iterationSteps: c.iterationSteps,
      tablePaddingOverheadPct: c.tableOverheadPct, iterationPaddingOverheadPct: c.iterationOverheadPct,
      differencePctPoints: c.differencePctPoints, tableEagerSteps: c.tableEagerSteps,
      iterationEagerSteps: c.iterationEagerSteps)
  }
}
