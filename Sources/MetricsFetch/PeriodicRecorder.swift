import Foundation

/// Records `/metrics` into a recording (the `watch --record` layout) every `interval` seconds while another
/// task runs — `profilemate load --scrape`.
public enum PeriodicRecorder {
  /// Tells a running recorder to take its last scrape and return.
  public final class Stop: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false

    /// Creates a flag, not set.
    public init() {}

    /// Sets the flag.
    public func callAsFunction() { lock.withLock { stopped = true } }

    /// Whether it is set.
    public var isSet: Bool { lock.withLock { stopped } }
  }

  /// Scrapes once at once, then every `interval` seconds until `stop` is set, then once more; failed scrapes
  /// are recorded with their status. (A flag rather than task cancellation, so the last scrape is not
  /// cancelled too.) Returns the scrape attempts written.
  /// - Throws: ``InputError``-style errors when the recording cannot be written.
  public static func run(fetcher: MetricsFetcher, directory: String, interval: Double, stop: Stop) async throws -> Int {
    let writer = try RecordingWriter(directory: directory)
    var attempts = 0
    func scrape() async throws {
      do {
        let s = try await fetcher.fetch()
        _ = try writer.append(body: s.body, epochMs: s.epochMs, status: "200")
      } catch let failure as FetchError {
        _ = try writer.append(body: nil, epochMs: MetricsFetcher.epochMs(), status: failure.recordedStatus)
      }
      attempts += 1
    }
    try await scrape()
    let tick = 0.05
    var waited = 0.0
    while !stop.isSet {
      try? await Task.sleep(nanoseconds: UInt64(tick * 1e9))
      waited += tick
      if waited + 1e-9 >= interval {
        waited = 0
        try await scrape()
      }
    }
    try await scrape()
    return attempts
  }
}
