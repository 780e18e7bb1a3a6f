import ArgumentParser
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

/// `profilemate metrics SCRAPE [--since EARLIER]` / `metrics --recording DIR`: what vLLM `/metrics` scrapes say.
struct MetricsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "metrics",
    abstract: "Analyse a vLLM /metrics scrape, the window between two, or a recording of many.",
    discussion: """
      One scrape: totals since each engine started, gauges at the scrape, latency quantiles as \
      histogram_quantile computes them. With --since EARLIER: increases and per-second rates between the \
      two scrapes (counter resets handled) and latency quantiles of that window, as Grafana's \
      histogram_quantile(φ, rate(…)) would show them. The window length comes from --seconds, else from \
      an index.tsv beside the files (columns seq, utc, epoch_ms, file, http_code), else from the files' \
      modification times.

      SCRAPE may be a live server: an http(s) URL, or host:port for http://host:port/metrics. With \
      --seconds S and no --since, the server is scraped twice, S seconds apart, and the window reported.

      --recording DIR reads a folder of scrapes with its index.tsv (written by `profilemate watch --record`, \
      or curl in a loop) as a timeline: gauges at every scrape, rates and latency quantiles per interval and \
      for the whole recording. JSON schema: docs/metrics-schema.md.
      """
  )

  @Argument(
    help:
      "The (later) scrape: a path, a .gz file, - for standard input, an http(s) URL / host:port, or a run directory.")
  var input: String?

  @Option(
    help: ArgumentHelp("An earlier scrape of the same server: report the window between them.", valueName: "file"))
  var since: String?

  @Option(
    help: ArgumentHelp(
      "A recording folder (index.tsv plus .prom files): report its timeline.", valueName: "dir"))
  var recording: String?

  @Option(help: ArgumentHelp("Seconds between the two scrapes (overrides index.tsv and file times).", valueName: "s"))
  var seconds: Double?

  @Flag(help: "Write the JSON report (schema in docs/metrics-schema.md) instead of text.")
  var json = false

  @Option(
    name: [.short, .long],
    help: ArgumentHelp("Write the report to this file (atomically) instead of standard output.", valueName: "file"))
  var output: String?

  @Option(help: ArgumentHelp("Prefill ÷ decode time ratio for the bottleneck finding (default 10).", valueName: "x"))
  var phaseRatio: Double?

  @Option(
    help: ArgumentHelp(
      "Exit with code 1 when a finding of this severity or worse exists (info, warning, critical).",
      valueName: "severity"))
  var failOn: Severity?

  @Flag(help: "Never colour the text report.")
  var noColor = false

  @OptionGroup var http: HTTPOptions

  func validate() throws {
    if let seconds, !(seconds > 0 && seconds <= 1e6) {
      throw ValidationError("--seconds must be a positive number (at most 1000000).")
    }
    if (input == nil) == (recording == nil) {
      throw ValidationError("give one scrape (a file, - or a URL), or --recording DIR.")
    }
    if recording != nil && since != nil { throw ValidationError("--since does not go with --recording.") }
    if recording != nil && seconds != nil { throw ValidationError("--seconds does not go with --recording.") }
    if seconds != nil && since == nil && !isLive(input) {
      throw ValidationError("--seconds needs --since (or a URL to scrape twice).")
    }
    if since == "-" && input == "-" { throw ValidationError("only one of the scrapes can be standard input.") }
    if let phaseRatio, !(phaseRatio > 1) { throw ValidationError("--phase-ratio must be greater than 1.") }
    try http.validate()
  }

  func isLive(_ source: String?) -> Bool { source.map(MetricsEndpoint.isEndpoint) ?? false }

  func run() async throws {
    var thresholds = MetricsFindingThresholds()
    if let phaseRatio { thresholds.phaseRatio = phaseRatio }
    let data: PromReportData
    do {
      if let recording {
        data = try Self.timeline(recording, thresholds: thresholds)
      } else if let input, !isLive(input), RunDirectory.isDirectory(input) {
        // A run directory (or a recording folder) given as the scrape: its recording's timeline.
        guard since == nil && seconds == nil else {
          throw CommandFailure(
            "\(input): a directory is read as a recording; --since and --seconds do not apply", exitCode: 2)
        }
        let folder = access(input + "/metrics/index.tsv", R_OK) == 0 ? input + "/metrics" : input
        guard access(folder + "/index.tsv", R_OK) == 0 else {
          throw CommandFailure(
            "\(input): no metrics/index.tsv (expected a run directory with a scrape recording, or a recording)",
            exitCode: 2)
        }
        data = try Self.timeline(folder, thresholds: thresholds)
      } else {
        data = try await scrapes(input ?? "-", thresholds: thresholds)
      }
      let report =
        json
        ? PromJSONReport.render(data, toolVersion: ProfileMate.version)
        : PromTextReport.render(
          data, style: TextStyle(color: !noColor && output == nil && isatty(1) == 1 && getenv("NO_COLOR") == nil))
      if let output {
        try AtomicFile.write(report, to: output)
      } else {
        print(report, terminator: "")
      }
    } catch let error as InputError {
      throw CommandFailure(error.description, exitCode: error.exitCode)
    } catch let error as FetchError {
      throw CommandFailure(error.description, exitCode: 2)
    }
    if let failOn, let worst = data.findings.map(\.severity).max(), worst >= failOn {
      throw CommandFailure(
        "--fail-on \(failOn.rawValue): \(data.findings.filter { $0.severity >= failOn }.count) finding(s) at or above it",
        exitCode: 1)
    }
  }

  /// One scrape, or the window between two (files, or a server scraped twice).
  func scrapes(_ input: String, thresholds: MetricsFindingThresholds) async throws -> PromReportData {
    let data: PromReportData
    let after: Exposition
    if isLive(input), since == nil, let seconds {
      let fetcher = try http.fetcher(for: input)
      let first = try await http.fetchWaiting(fetcher)
      try await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
      let second = try await fetcher.fetch()
      let before = ExpositionParser.parse(first.body)
      after = ExpositionParser.parse(second.body)
      let window = Double(second.epochMs - first.epochMs) / 1000
      data = PromReportData(
        before: fetcher.endpoint.description + " @" + RecordingIndex.utc(epochMs: first.epochMs),
        after: fetcher.endpoint.description + " @" + RecordingIndex.utc(epochMs: second.epochMs),
        window: WindowAnalysis(before: before, after: after, seconds: window), beforeIssues: before.issues,
        afterIssues: after.issues, thresholds: thresholds)
    } else {
      let (afterBytes, afterName) = try await read(input)
      after = ExpositionParser.parse(afterBytes)
      if let since {
        let (beforeBytes, beforeName) = try await read(since)
        let before = ExpositionParser.parse(beforeBytes)
        let window = try seconds ?? Self.windowSeconds(from: since, to: input)
        guard window > 0 else {
          throw CommandFailure("\(since) is not earlier than \(input) (window \(window) s)", exitCode: 2)
        }
        let analysis = WindowAnalysis(before: before, after: after, seconds: window)
        data = PromReportData(
          before: beforeName, after: afterName, window: analysis, beforeIssues: before.issues,
          afterIssues: after.issues, thresholds: thresholds)
      } else {
        data = PromReportData(source: afterName, snapshot: SnapshotAnalysis(after), thresholds: thresholds)
      }
    }
    if data.engines.isEmpty && !VLLMMetrics.hasVLLMMetrics(after) {
      throw CommandFailure(
        "\(data.sources.last ?? input): no vllm: metrics found (is this a vLLM /metrics page?)", exitCode: 2)
    }
    return data
  }

  /// The bytes of a scrape and the name to show for it: a file, standard input, or a live server.
  func read(_ source: String) async throws -> (bytes: [UInt8], name: String) {
    guard isLive(source) else { return (try RecordingReader.readScrape(source), source) }
    let fetcher = try http.fetcher(for: source)
    return (try await http.fetchWaiting(fetcher).body, fetcher.endpoint.description)
  }

  /// The timeline of a recording folder.
  static func timeline(_ path: String, thresholds: MetricsFindingThresholds) throws -> PromReportData {
    let reader = try RecordingReader(path: path)
    var timeline = MetricsTimeline()
    var last: Exposition?
    var layout: ExpositionLayout?
    for row in reader.rows {
      guard row.ok else {
        timeline.addFailure(epochMs: row.epochMs, status: row.status, seq: row.seq)
        continue
      }
      guard let body = try? reader.body(of: row) else {
        timeline.addFailure(epochMs: row.epochMs, status: "missing file", seq: row.seq)
        continue
      }
      let e = ExpositionParser.parse(body, layout: &layout)
      timeline.add(e, epochMs: row.epochMs, seq: row.seq)
      last = e
    }
    guard let last else {
      throw CommandFailure(
        "\(path): no successful scrape in the recording (\(reader.rows.count) row(s) in index.tsv)", exitCode: 2)
    }
    if timeline.engines.isEmpty && !VLLMMetrics.hasVLLMMetrics(last) {
      throw CommandFailure("\(path): no vllm: metrics found in the recording", exitCode: 2)
    }
    return PromReportData(
      recording: reader.directory, timeline: timeline, malformedIndexLines: reader.malformedLines,
      thresholds: thresholds)
  }

  /// Seconds from scrape `a` to scrape `b`: their rows in an index.tsv beside them, else modification times.
  static func windowSeconds(from a: String, to b: String) throws -> Double {
    if let ta = indexMilliseconds(a), let tb = indexMilliseconds(b) { return (tb - ta) / 1000 }
    if let ta = modificationTime(a), let tb = modificationTime(b), ta != tb { return tb - ta }
    throw CommandFailure(
      "cannot tell how far apart \(a) and \(b) were scraped: give --seconds (no index.tsv beside them, and "
        + "their modification times are equal or unknown)", exitCode: 2)
  }

  static func split(_ path: String) -> (dir: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    return (String(path[..<slash]), String(path[path.index(after: slash)...]))
  }

  /// epoch_ms of the file's row in the `index.tsv` beside it.
  static func indexMilliseconds(_ path: String) -> Double? {
    guard path != "-", !MetricsEndpoint.isEndpoint(path) else { return nil }
    let (dir, name) = split(path)
    guard let reader = try? RecordingReader(path: dir), let ms = reader.epochMs(ofFile: name) else { return nil }
    return Double(ms)
  }

  static func modificationTime(_ path: String) -> Double? {
    guard path != "-" else { return nil }
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    #if canImport(Darwin)
      let t = st.st_mtimespec
    #else
      let t = st.st_mtim
    #endif
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }
}
