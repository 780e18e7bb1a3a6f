import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// `scheduler.lines`.
  public struct SchedulerLines: Codable, Sendable, Equatable {
    /// `max_running`.
    public var maxRunning: Int?
    /// `max_waiting`.
    public var maxWaiting: Int?
    /// `max_kv_usage`.
    public var maxKVUsage: Int?
    /// `first_preemption`.
    public var firstPreemption: Int?

    enum CodingKeys: String, CodingKey {
      case maxRunning = "max_running"
      case maxWaiting = "max_waiting"
      case maxKVUsage = "max_kv_usage"
      case firstPreemption = "first_preemption"
    }
  }
  // END GENERATED
}
