import MetricsFetch
import PromMetrics
import Render

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The scrape–record–analyse loop of `profilemate watch` as an asynchronous sequence of timeline updates: each
/// element is a scrape added, a scrape failed, or a wait for a starting server; the last is
/// ``WatchUpdate/finished(timeline:recorded:)``. The consumer draws; cancelling its task ends the watch (with the
/// final element).
public struct WatchScrapes: AsyncSequence, Sendable {
  public typealias Element = WatchUpdate

  /// The server.
  public let fetcher: MetricsFetcher
  /// Pacing, end and recording.
  public let settings: WatchSettings

  /// A watch of `fetcher`'s server.
  public init(fetcher: MetricsFetcher, settings: WatchSettings) {
    self.fetcher = fetcher
    self.settings = settings
  }

  public func makeAsyncIterator() -> Iterator { Iterator(fetcher: fetcher, settings: settings) }

  /// CPU seconds used by the whole process (all threads).
  public static func processCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }

  /// The loop's state.
  public struct Iterator: AsyncIteratorProtocol {
    let fetcher: MetricsFetcher
    let settings: WatchSettings
    var writer: RecordingWriter?
    var opened = false
    var timeline: MetricsTimeline
    /// The previous scrape's layout: a steady server's scrapes parse faster.
    var layout: ExpositionLayout?
    var started = 0.0
    var attempts = 0
    var cycleStart = 0.0
    /// Inside an attempt that waits for a starting server: the deadline and the next back-off.
    var waitDeadline: Double?
    var retryPause: Double?
    var delay = 0.25
    var done = false

    init(fetcher: MetricsFetcher, settings: WatchSettings) {
      self.fetcher = fetcher
      self.settings = settings
      timeline = MetricsTimeline(historyLimit: settings.historyLimit, recentWindowSeconds: settings.window)
    }

    /// The next update.
    /// - Throws: ``InputError`` when the recording cannot be written, the ``FetchError`` of a first scrape that
    ///   waiting cannot fix.
    public mutating func next() async throws -> WatchUpdate? {
      if done { return nil }
      if !opened {
        writer = try settings.recording.map { try RecordingWriter(directory: $0) }
        opened = true
        started = MetricsFetcher.monotonic()
      } else if let pause = retryPause {
        // Back-off inside the first attempt.
        retryPause = nil
        do { try await Task.sleep(nanoseconds: UInt64(pause * 1e9)) } catch { return finish() }
      } else if waitDeadline == nil {
        // Between attempts: stop, or pause until the next one is due.
        if let count = settings.count, attempts >= count { return finish() }
        let elapsed = MetricsFetcher.monotonic() - started
        if let duration = settings.duration, elapsed >= duration { return finish() }
        var pause = cycleStart + settings.interval - MetricsFetcher.monotonic()
        if let duration = settings.duration { pause = Swift.min(pause, duration - elapsed) }
        if pause > 0 {
          do { try await Task.sleep(nanoseconds: UInt64(pause * 1e9)) } catch { return finish() }
        }
      }
      if Task.isCancelled { return finish() }
      if waitDeadline == nil {
        cycleStart = MetricsFetcher.monotonic()
        attempts += 1
        if timeline.scrapeCount == 0 {
          waitDeadline = MetricsFetcher.monotonic() + Swift.max(0, settings.wait)
          delay = 0.25
        }
      }
      do {
        let scrape = try await fetcher.fetch()
        waitDeadline = nil
        let cpu0 = WatchScrapes.processCPUSeconds()
        let row = try writer?.append(body: scrape.body, epochMs: scrape.epochMs, status: "200")
        timeline.add(ExpositionParser.parse(scrape.body, layout: &layout), epochMs: scrape.epochMs, seq: row?.seq)
        return .scraped(scrape, timeline: timeline, cpuSeconds: WatchScrapes.processCPUSeconds() - cpu0)
      } catch let error as FetchError {
        if let deadline = waitDeadline {
          let left = deadline - MetricsFetcher.monotonic()
          if error.isRetryable, left > 0, !Task.isCancelled {
            retryPause = Swift.min(delay, left)
            delay = Swift.min(delay * 2, 4)
            let message = "\(error.description); waiting up to \(WatchView.duration(settings.wait)) for the server"
            return .waiting(message: message, timeline: timeline)
          }
        }
        waitDeadline = nil
        if Task.isCancelled { return finish() }
        let now = MetricsFetcher.epochMs()
        if let writer { try writer.append(body: nil, epochMs: now, status: error.recordedStatus) }
        timeline.addFailure(epochMs: now, status: error.recordedStatus)
        if timeline.scrapeCount == 0 && !error.isRetryable { throw error }
        return .failed(error, epochMs: now, timeline: timeline)
      }
    }

    mutating func finish() -> WatchUpdate {
      done = true
      return .finished(timeline: timeline, recorded: writer?.appended ?? 0)
    }
  }
}
