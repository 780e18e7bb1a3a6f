import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// Counts and first occurrences of notable log events (`events`).
  public struct Events: Codable, Sendable, Equatable {
    /// `counts`.
    public var counts: ReportDocument.EventCounts?
    /// `first`.
    public var first: [ReportDocument.Event]?
    /// `v0_cumulative_preemptions`.
    public var v0CumulativePreemptions: Int?

    enum CodingKeys: String, CodingKey {
      case counts
      case first
      case v0CumulativePreemptions = "v0_cumulative_preemptions"
    }
  }
  // END GENERATED
}

extension ReportDocument.Events {
  /// How many events there are per kind, the first five of each kind (in kind order), and V0's cumulative
  /// preemption count.
  init(_ m: RunModel) {
    var first: [ReportDocument.Event] = []
    for kind in LogEvent.Kind.allCases {
      for e in m.events.lazy.filter({ $0.kind == kind }).prefix(5) {
        first.append(ReportDocument.Event(kind: e.kind.rawValue, line: e.line, timeS: e.time, message: e.message))
      }
    }
    self.init(
      counts: ReportDocument.EventCounts(m.eventCounts), first: first,
      v0CumulativePreemptions: m.v0CumulativePreemptions)
  }
}
