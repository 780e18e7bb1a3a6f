import MetricsFetch
import ProfileMateCore

/// How a live server is scraped: extra headers (an API key), the time-out and how long to wait for a server
/// that is still starting.
public struct HTTPSettings: Sendable, Equatable {
  /// `name: value` headers, as given.
  public var headers: [String] = []
  /// Seconds allowed for one request.
  public var timeout: Double = 10
  /// Seconds to keep retrying a starting server; nil: the command's default.
  public var wait: Double?

  /// Settings with the defaults.
  public init(headers: [String] = [], timeout: Double = 10, wait: Double? = nil) {
    self.headers = headers
    self.timeout = timeout
    self.wait = wait
  }

  /// A fetcher for SOURCE (a URL or host:port).
  /// - Throws: ``FetchError`` for a bad URL or header.
  public func fetcher(for source: String) throws -> MetricsFetcher {
    let endpoint = try MetricsEndpoint(source)
    return MetricsFetcher(endpoint: endpoint, headers: try headers.map(RequestHeader.init(parsing:)), timeout: timeout)
  }

  /// Scrapes, waiting up to ``wait`` (or `defaultWait`) seconds for a starting server; `notice` is told once
  /// when it has to wait.
  public func fetchWaiting(
    _ fetcher: MetricsFetcher, defaultWait: Double = 5, notice: (String) -> Void
  ) async throws -> Scrape {
    let limit = wait ?? defaultWait
    var told = false
    return try await fetcher.fetch(waitingUpTo: limit) { error, _ in
      if !told {
        notice("\(error.description); retrying for up to \(Format.count(limit.rounded())) s")
        told = true
      }
    }
  }
}
