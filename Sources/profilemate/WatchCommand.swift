import ArgumentParser
import Dispatch
import ProfileMateApp

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

  @OptionGroup var color: ColorOptions

  @OptionGroup var http: HTTPOptions

  func validate() throws {
    if let count, count < 1 { throw ValidationError("--count must be at least 1.") }
    guard interval.seconds >= 0.05 else { throw ValidationError("--interval must be at least 50ms.") }
    guard window.seconds > 0 else { throw ValidationError("--window must be positive.") }
    if let duration, !(duration.seconds > 0) { throw ValidationError("--duration must be positive.") }
    try http.validate()
  }

  func run() async throws {
    let fetcher = try http.settings.fetcher(for: url)
    let live = !plain && ColorOptions.standardOutputIsTerminal
    var settings = WatchSettings()
    settings.interval = interval.seconds
    settings.window = window.seconds
    settings.count = count
    settings.duration = duration?.seconds
    settings.wait = http.wait ?? 120
    settings.recording = record
    let view = WatchDisplay(
      source: fetcher.endpoint.description, live: live, color: live && color.enabled(terminal: true),
      interval: interval.seconds, recording: record)
    let scrapes = WatchScrapes(fetcher: fetcher, settings: settings)
    let stop = StopRequest()
    let task = Task { try await view.show(scrapes) }
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
    if try await task.value == 0 {
      throw AppError("\(fetcher.endpoint): no successful scrape")
    }
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
