import ProfileMateCore
import PromMetrics

/// The server's side of a run: the first and last successful `/metrics` scrapes of a recording (or a
/// before/after pair), every engine summed, as the cross-checks need them.
public struct MetricsSpan: Sendable {
  /// Counters and histograms at the first scrape (cumulative since the server started), engines summed.
  public var first: VLLMSnapshot
  /// The same at the last scrape.
  public var last: VLLMSnapshot
  /// Counter and histogram increases from the first to the last scrape (PromQL `increase()`), engines summed.
  public var window: VLLMSnapshot
  /// Seconds between the first and the last scrape.
  public var seconds: Double
  /// Requests running plus waiting at the last scrape, over all engines (nil when not exported).
  public var busyAtEnd: Double?
  /// Counters that restarted inside the window.
  public var resets: [String]

  /// Builds the span from the first and last successful scrapes, `seconds` apart.
  public init(first: Exposition, last: Exposition, seconds: Double) {
    let before = VLLMMetrics.snapshots(first)
    let after = VLLMMetrics.snapshots(last)
    var f = VLLMSnapshot(model: nil, engine: nil)
    var l = VLLMSnapshot(model: nil, engine: nil)
    var w = VLLMSnapshot(model: nil, engine: nil)
    var busy: Double?
    var resets: [String] = []
    struct Key: Hashable {
      var model: String?
      var engine: String?
    }
    var byKey: [Key: VLLMSnapshot] = [:]
    for s in before {
      f.accumulate(s.increase(since: nil).increase)
      byKey[Key(model: s.model, engine: s.engine)] = s
    }
    for s in after {
      l.accumulate(s.increase(since: nil).increase)
      let earlier = byKey[Key(model: s.model, engine: s.engine)]
      let (inc, r) = s.increase(since: earlier)
      w.accumulate(inc)
      resets += r
      if let running = s.value(.requestsRunning) ?? s.total(.requestsRunning) {
        busy = (busy ?? 0) + running + (s.value(.requestsWaiting) ?? 0)
      }
    }
    self.first = f
    self.last = l
    self.window = w
    self.seconds = seconds
    self.busyAtEnd = busy
    self.resets = resets
  }

  /// Whether the server exported any vLLM metric at the last scrape.
  public var hasVLLMMetrics: Bool { !last.values.isEmpty || !last.byLabel.isEmpty || !last.histograms.isEmpty }
}
