/// How `profilemate watch` paces and ends its scrapes.
public struct WatchSettings: Sendable, Equatable {
  /// Seconds between the starts of two scrapes.
  public var interval: Double = 2
  /// Latency quantiles over this last stretch of seconds.
  public var window: Double = 30
  /// Stop after this many attempts.
  public var count: Int?
  /// Stop after this many seconds.
  public var duration: Double?
  /// Seconds the first scrape waits for a starting server.
  public var wait: Double = 120
  /// A recording folder every attempt is appended to.
  public var recording: String?
  /// Scrapes of history kept for the sparklines.
  public var historyLimit = 240

  /// The defaults.
  public init() {}
}
