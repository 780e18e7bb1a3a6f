import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// Events of each kind (`events.counts`).
  public struct EventCounts: Codable, Sendable, Equatable {
    /// `preemption`.
    public var preemption: Int?
    /// `error`.
    public var error: Int?
    /// `traceback`.
    public var traceback: Int?
    /// `out_of_memory`.
    public var outOfMemory: Int?
    /// `engine_dead`.
    public var engineDead: Int?
    /// `mfu_debug_crash`.
    public var mfuDebugCrash: Int?
    /// `shutdown`.
    public var shutdown: Int?
    /// `warning`.
    public var warning: Int?

    enum CodingKeys: String, CodingKey {
      case preemption
      case error
      case traceback
      case outOfMemory = "out_of_memory"
      case engineDead = "engine_dead"
      case mfuDebugCrash = "mfu_debug_crash"
      case shutdown
      case warning
    }
  }
  // END GENERATED
}

extension ReportDocument.EventCounts {
  /// Every kind's count, 0 for kinds without events.
  init(_ counts: [LogEvent.Kind: Int]) {
    self.init(
      preemption: counts[.preemption] ?? 0, error: counts[.error] ?? 0, traceback: counts[.traceback] ?? 0,
      outOfMemory: counts[.outOfMemory] ?? 0, engineDead: counts[.engineDead] ?? 0,
      mfuDebugCrash: counts[.mfuDebugCrash] ?? 0, shutdown: counts[.shutdown] ?? 0, warning: counts[.warning] ?? 0)
  }
}
