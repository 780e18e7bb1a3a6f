extension RunModel {
  /// The lines of every event of one kind, in log order.
  func eventLines(_ kind: LogEvent.Kind) -> [LineNumber] { events.filter { $0.kind == kind }.map(\.line) }

  /// How many events of one kind the log has.
  func eventCount(_ kind: LogEvent.Kind) -> Int { eventCounts[kind] ?? 0 }
}
