import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// One data-parallel engine's sections (`engines[]`).
  public struct EngineEntry: Codable, Sendable, Equatable {
    /// `index`.
    public var index: Int?
    /// `steps`.
    public var steps: ReportDocument.Steps?
    /// `scheduler`.
    public var scheduler: ReportDocument.Scheduler?
    /// `cudagraph`.
    public var cudagraph: ReportDocument.CudaGraph?
    /// `mfu`.
    public var mfu: ReportDocument.MFU?

    enum CodingKeys: String, CodingKey {
      case index
      case steps
      case scheduler
      case cudagraph
      case mfu
    }
  }
  // END GENERATED
}

extension ReportDocument.EngineEntry {
  /// The sections of engine `e`.
  init(_ e: EngineAnalysis) {
    self.init(
      index: e.index, steps: e.steps.map(ReportDocument.Steps.init),
      scheduler: e.scheduler.map(ReportDocument.Scheduler.init),
      cudagraph: e.cudagraph.map(ReportDocument.CudaGraph.init),
      mfu: e.mfu.map(ReportDocument.MFU.init))
  }
}
