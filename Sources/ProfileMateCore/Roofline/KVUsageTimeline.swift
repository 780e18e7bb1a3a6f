/// KV-cache usage and running requests at each step of one engine, where the iteration line does not print
/// them: the step's time is interpolated between the trace's time anchors, and usage and running requests
/// between the periodic stats lines around that time (held constant before the first and after the last).
///
/// Steps must be asked for in increasing index order; each call is amortised O(1).
public struct KVUsageTimeline: Sendable {
  /// A stats-line reading.
  struct Reading: Sendable {
    var time: Double
    var usagePct: Double
    var running: Double
  }

  private let anchors: [StepTimeAnchor]
  private let readings: [Reading]
  private var anchorCursor = 0
  private var readingCursor = 0

  /// Builds the timeline of `trace` from its own stats lines, or from `fallbackStats` (lines aggregated over
  /// engines) when it has none with a KV usage and a time.
  public init(trace: EngineTrace, fallbackStats: [StatsSample] = []) {
    anchors = trace.stepTimes
    func readings(_ stats: [StatsSample]) -> [Reading] {
      stats.compactMap { s in
        guard let t = s.time, let u = s.kvUsagePct else { return nil }
        return Reading(time: t, usagePct: u, running: Double(s.running))
      }.sorted { $0.time < $1.time }
    }
    let own = readings(trace.stats)
    self.readings = own.isEmpty ? readings(fallbackStats) : own
  }

  /// Whether any step can be given a usage.
  public var isEmpty: Bool { readings.isEmpty || anchors.isEmpty }

  /// The time of step `index` in seconds since the first timestamp, or nil without anchors.
  public mutating func time(ofStep index: Int) -> Double? {
    guard let first = anchors.first else { return nil }
    if index <= Int(first.index) { return Double(first.time) }
    while anchorCursor + 1 < anchors.count && Int(anchors[anchorCursor + 1].index) <= index { anchorCursor += 1 }
    let a = anchors[anchorCursor]
    guard anchorCursor + 1 < anchors.count else { return Double(a.time) }
    let b = anchors[anchorCursor + 1]
    let f = Double(index - Int(a.index)) / Double(Int(b.index) - Int(a.index))
    return Double(a.time) + f * Double(b.time - a.time)
  }

  /// KV usage in percent and running requests at step `index`, interpolated; nil when unknown.
  public mutating func estimate(atStep index: Int) -> (usagePct: Double, running: Double)? {
    guard !readings.isEmpty, let t = time(ofStep: index) else { return nil }
    return estimate(atTime: t)
  }

  /// KV usage in percent and running requests at time `t`, interpolated between readings. Times must not
  /// decrease between calls.
  mutating func estimate(atTime t: Double) -> (usagePct: Double, running: Double)? {
    guard let first = readings.first, let last = readings.last else { return nil }
    if t <= first.time { return (first.usagePct, first.running) }
    if t >= last.time { return (last.usagePct, last.running) }
    while readingCursor + 1 < readings.count && readings[readingCursor + 1].time <= t { readingCursor += 1 }
    let a = readings[readingCursor]
    let b = readings[min(readingCursor + 1, readings.count - 1)]
    guard b.time > a.time else { return (a.usagePct, a.running) }
    let f = (t - a.time) / (b.time - a.time)
    return (a.usagePct + f * (b.usagePct - a.usagePct), a.running + f * (b.running - a.running))
  }
}
