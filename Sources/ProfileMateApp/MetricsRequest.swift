import ProfileMateCore

/// What `profilemate metrics` is asked: one scrape, the window between two, a live server scraped twice, or a
/// recording's timeline.
public struct MetricsRequest: Sendable {
  /// The (later) scrape: a path, `-`, a URL / host:port, or a run directory / recording folder.
  public var input: String?
  /// An earlier scrape of the same server.
  public var since: String?
  /// A recording folder.
  public var recording: String?
  /// Seconds between the two scrapes (overrides index.tsv and file times); for a live server, the pause.
  public var seconds: Double?
  /// The findings' thresholds.
  public var thresholds = FindingThresholds()
  /// How live servers are scraped.
  public var http = HTTPSettings()

  /// An empty request.
  public init() {}
}
