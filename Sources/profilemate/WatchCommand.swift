import ArgumentParser
import Dispatch
import MetricsFetch
import ProfileMateCore
import ProfileMateIO
import PromMetrics
import Render

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `profilemate watch URL`: a live view of a vLLM server's `/metrics`, optionally recorded.
struct WatchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "watch",
    abstract: "Watch a vLLM server's /metrics live: queue, KV cache, token rates, TTFT and inter-token latency.",
    discussion: """
      Scrapes URL (or host:port, meaning http://host:port/metrics) every --interval and shows, per engine, \\
      requests running and waiting, KV-cache usage, prompt and generated tokens per second and preemptions \\
      of the last interval, and TTFT / inter-token p50 and p99 over the last --window, with a sparkline of \\
      each. On a terminal the view is redrawn in place; otherwise (or with --plain) each scrape appends one \\
      key=value line per engine. Failed scrapes are shown and the watch goes on (a restarting server comes \\
      back); the first scrape waits up to --wait seconds for a starting server.

      --record DIR appends every scrape attempt to DIR — one .prom file per scrape plus index.tsv (seq, utc, \\
      epoch_ms, file, http_code), the layout `profilemate metrics --recording DIR` reads — crash-safe: a \\
      killed watch loses at most the scrape in flight.

      Ctrl-C ends the watch with a summary of the session (a second Ctrl-C exits at once).
      """
  )

  @Argument(help: "The server: an http(s) URL, or host:port for http://host:port/metrics.")
  var url: String

  @Option(help: ArgumentHelp("Time between scrapes: 2s, 500ms, 1m or seconds (default 2s).", valueName: "time"))
  var interval: WatchDuration = WatchDuration(seconds: 2)

  @Option(help: ArgumentHelp("Latency quantiles over this last stretch of time (default 30s).", valueName: "time"))
  var window: WatchDuration = WatchDuration(seconds: 30)

  @Option(help: ArgumentHelp("Append every scrape to this recording folder.", valueName: "dir"))
  var record: String?

  @Option(help: ArgumentHelp("Stop after this many scrape attempts.", valueName: "n"))
  var count: Int?

  @Option(help: ArgumentHelp("Stop after this long.", valueName: "time"))
  var duration: WatchDuration?

  @Flag(help: "Append plain key=value lines even on a terminal.")
  var plain = false

  @Flag(help: "Never colour the view.")
  var noColor = false

  @OptionGroup var http: HTTPOptions

  func validate() throws {
    if let count, count < 1 { throw ValidationError("--count must be at least 1.") }
    guard interval.seconds >= 0.05 else { throw ValidationError("--interval must be at least 50ms.") }
    guard window.seconds > 0 else { throw ValidationError("--window must be positive.") }
    if let duration, !(duration.seconds > 0) { throw ValidationError("--duration must be positive.") }
    try http.validate()
  }

  func run() async throws {
    let fetcher: MetricsFetcher
    do { fetcher = try http.fetcher(for: url) } catch let error as FetchError {
      throw CommandFailure(error.description, exitCode: 2)
    }
    let live = !plain && isatty(1) == 1
    let session = WatchSession(
      fetcher: fetcher, live: live, color: live && !noColor && getenv("NO_COLOR") == nil,
      interval: interval.seconds, window: window.seconds, count: count, duration: duration?.seconds,
      wait: http.wait ?? 120, recording: record)
    let stop = StopRequest()
    let task = Task { try await session.run(stop: stop) }
    signal(SIGINT, SIG_IGN)
    let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    source.setEventHandler {
      if stop.request() > 1 {
        if live { writeStandardOutput("\u{1B}[?25h\n") }
        _exit(130)
      }
      task.cancel()
    }
    source.resume()
    defer { source.cancel() }
    try await task.value
  }
}

/// A duration written `2s`, `500ms`, `1m`, `1h` or as plain seconds.
struct WatchDuration: ExpressibleByArgument, Sendable {
  var seconds: Double

  init(seconds: Double) { self.seconds = seconds }

  /// The longest duration accepted (about 11.6 days).
  static let maximumSeconds = 1e6

  init?(argument: String) {
    let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
    var value: Double?
    for (suffix, scale) in units where argument.hasSuffix(suffix) {
      value = Double(argument.dropLast(suffix.count)).map { $0 * scale }
      break
    }
    guard let v = value ?? Double(argument), v.isFinite, v >= 0, v <= Self.maximumSeconds else { return nil }
    seconds = v
  }
}

/// Counts Ctrl-C presses.
final class StopRequest: @unchecked Sendable {
  private var presses = 0
  private var lock = pthread_mutex_t()

  init() { pthread_mutex_init(&lock, nil) }
  deinit { pthread_mutex_destroy(&lock) }

  /// Records a press; returns how many there have been.
  func request() -> Int {
    pthread_mutex_lock(&lock)
    defer { pthread_mutex_unlock(&lock) }
    presses += 1
    return presses
  }

  var requested: Bool {
    pthread_mutex_lock(&lock)
    defer { pthread_mutex_unlock(&lock) }
    return presses > 0
  }
}

/// The scrape–record–analyse–draw loop of one watch.
struct WatchSession: Sendable {
  let fetcher: MetricsFetcher
  let live: Bool
  let color: Bool
  let interval: Double
  let window: Double
  let count: Int?
  let duration: Double?
  let wait: Double
  let recording: String?

  func run(stop: StopRequest) async throws {
    let writer: RecordingWriter?
    do { writer = try recording.map { try RecordingWriter(directory: $0) } } catch let error as InputError {
      throw CommandFailure(error.description, exitCode: error.exitCode)
    }
    var timeline = MetricsTimeline(historyLimit: 240, recentWindowSeconds: window)
    var layout: ExpositionLayout?  // the previous scrape's, so a steady server's scrapes parse faster
    var status = WatchView.Status(source: fetcher.endpoint.description, interval: interval, recording: recording)
    let style = TextStyle(color: color)
    let started = MetricsFetcher.monotonic()
    var attempts = 0
    var cpuTotal = 0.0
    if live { writeStandardOutput("\u{1B}[?25l\u{1B}[2J") }
    defer { if live { writeStandardOutput("\u{1B}[?25h") } }
    while !stop.requested {
      let cycleStart = MetricsFetcher.monotonic()
      attempts += 1
      do {
        var told = false
        let scrape =
          timeline.scrapeCount == 0
          ? try await fetcher.fetch(waitingUpTo: wait) { error, _ in
            // The server is starting: say so once, and keep the view up to date while waiting.
            status.lastError = "\(error.description); waiting up to \(WatchView.duration(wait)) for the server"
            if live {
              draw(timeline, status, style, utc: "")
            } else if !told {
              writeStandardError("profilemate: \(status.lastError ?? "")\n")
            }
            told = true
          }
          : try await fetcher.fetch()
        let cpu0 = Self.cpuSeconds()
        let row = try writer?.append(body: scrape.body, epochMs: scrape.epochMs, status: "200")
        timeline.add(ExpositionParser.parse(scrape.body, layout: &layout), epochMs: scrape.epochMs, seq: row?.seq)
        status.lastError = nil
        status.scrapeSeconds = scrape.seconds
        draw(timeline, status, style, utc: RecordingIndex.utc(epochMs: scrape.epochMs))
        cpuTotal += Self.cpuSeconds() - cpu0
      } catch let error as FetchError {
        if stop.requested { break }
        let now = MetricsFetcher.epochMs()
        try record(failure: error, at: now, in: writer)
        timeline.addFailure(epochMs: now, status: error.recordedStatus)
        if timeline.scrapeCount == 0 && !error.isRetryable {
          throw CommandFailure(error.description, exitCode: 2)
        }
        status.lastError = error.description
        if live {
          draw(timeline, status, style, utc: "")
        } else {
          writeStandardOutput("\(RecordingIndex.utc(epochMs: now)) scrape failed: \(error.description)\n")
        }
      } catch let error as InputError {
        throw CommandFailure(error.description, exitCode: error.exitCode)
      }
      if let count, attempts >= count { break }
      let elapsed = MetricsFetcher.monotonic() - started
      if let duration, elapsed >= duration { break }
      var pause = cycleStart + interval - MetricsFetcher.monotonic()
      if let duration { pause = min(pause, duration - elapsed) }
      if pause > 0 {
        do { try await Task.sleep(nanoseconds: UInt64(pause * 1e9)) } catch { break }
      }
    }
    if live { writeStandardOutput("\u{1B}[?25h\n") }
    var summary = WatchView.summary(timeline, recording: recording, recorded: writer?.appended ?? 0)
    if timeline.scrapeCount > 0 {
      summary +=
        "  CPU per scrape (parse, analyse, draw): \(Format.ms(cpuTotal / Double(timeline.scrapeCount) * 1000))\n"
    }
    writeStandardOutput(summary)
    if timeline.scrapeCount == 0 {
      throw CommandFailure("\(fetcher.endpoint): no successful scrape", exitCode: 2)
    }
  }

  func record(failure: FetchError, at epochMs: Int64, in writer: RecordingWriter?) throws {
    guard let writer else { return }
    do { try writer.append(body: nil, epochMs: epochMs, status: failure.recordedStatus) } catch let error as InputError
    {
      throw CommandFailure(error.description, exitCode: error.exitCode)
    }
  }

  func draw(_ timeline: MetricsTimeline, _ status: WatchView.Status, _ style: TextStyle, utc: String) {
    if live {
      let frame = WatchView.frame(timeline, status: status, style: style, width: Self.terminalWidth())
      var out = "\u{1B}[H"
      for line in frame.split(separator: "\n", omittingEmptySubsequences: false) { out += line + "\u{1B}[K\n" }
      writeStandardOutput(out + "\u{1B}[J")
    } else {
      writeStandardOutput(WatchView.plainLines(timeline).map { "\(utc) \($0)\n" }.joined())
    }
  }

  static func terminalWidth() -> Int {
    var size = winsize()
    guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 100 }
    return Int(size.ws_col)
  }

  /// CPU seconds used by the whole process (all threads).
  static func cpuSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }
}
