import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// Which optional vLLM outputs were on (`engine.observability`).
  public struct Observability: Codable, Sendable, Equatable {
    /// `iteration_details`.
    public var iterationDetails: Bool?
    /// `cudagraph_metrics`.
    public var cudagraphMetrics: Bool?
    /// `mfu_metrics`.
    public var mfuMetrics: Bool?
    /// `log_requests`.
    public var logRequests: Bool?
    /// `disable_log_stats`.
    public var disableLogStats: Bool?
    /// `debug_mfu`.
    public var debugMFU: Bool?

    enum CodingKeys: String, CodingKey {
      case iterationDetails = "iteration_details"
      case cudagraphMetrics = "cudagraph_metrics"
      case mfuMetrics = "mfu_metrics"
      case logRequests = "log_requests"
      case disableLogStats = "disable_log_stats"
      case debugMFU = "debug_mfu"
    }
  }
  // END GENERATED
}

extension ReportDocument.Observability {
  /// The switches of `o`.
  init(_ o: ObservabilitySwitches) {
    self.init(
      iterationDetails: o.iterationDetails, cudagraphMetrics: o.cudagraphMetrics, mfuMetrics: o.mfuMetrics,
      logRequests: o.logRequests, disableLogStats: o.disableLogStats, debugMFU: o.debugMFU)
  }
}
