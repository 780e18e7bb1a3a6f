import MetricsFetch
import PromMetrics

/// One step of a watch (see ``WatchScrapes``), with the timeline as it stands after it.
public enum WatchUpdate: Sendable {
  /// The first scrape failed while the server is starting; the watch is waiting for it.
  case waiting(message: String, timeline: MetricsTimeline)
  /// A scrape succeeded and was added; `cpuSeconds` is the process CPU time spent recording and parsing it.
  case scraped(Scrape, timeline: MetricsTimeline, cpuSeconds: Double)
  /// A scrape failed (recorded as such); the watch goes on.
  case failed(FetchError, epochMs: Int64, timeline: MetricsTimeline)
  /// The watch ended (count, duration, or cancellation): the final timeline and the rows recorded.
  case finished(timeline: MetricsTimeline, recorded: Int)
}
