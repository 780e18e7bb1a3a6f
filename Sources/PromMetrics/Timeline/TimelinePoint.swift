/// One engine at one scrape of a timeline: its gauges then, and what happened since its previous scrape.
public struct TimelinePoint: Sendable {
  /// The scrape's sequence number, when it came from a recording.
  public var seq: String?
  /// The scrape's Unix time in milliseconds.
  public var epochMs: Int64
  /// Seconds since the timeline's first successful scrape.
  public var offsetSeconds: Double
  /// Requests running (gauge).
  public var running: Double?
  /// Requests waiting (gauge).
  public var waiting: Double?
  /// KV-cache usage in percent (gauge × 100).
  public var kvCacheUsagePct: Double?
  /// The interval since this engine's previous scrape (increases, rates, latency quantiles of the interval);
  /// nil at the engine's first scrape.
  public var interval: EngineSummary?
}
