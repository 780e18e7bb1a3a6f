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

/// Reading what `profilemate metrics` is given into the report's data: scrapes (files, standard input, live
/// servers), the window between two, and recordings (a folder, or a run directory's `metrics/`).
public enum MetricsInput {
  /// Whether `source` names a live server (an http(s) URL or host:port).
  public static func isLive(_ source: String?) -> Bool { source.map(MetricsEndpoint.isEndpoint) ?? false }

  /// The report data of `request`; `notice` is told (once) when a live server has to be waited for.
  /// - Throws: ``InputError``, ``FetchError`` or ``AppError`` (all exit 2).
  public static func load(
    _ request: MetricsRequest, notice: (String) -> Void = { _ in }
  ) async throws
    -> PromReportData
  {
    if let recording = request.recording {
      return try timeline(recording, thresholds: request.thresholds)
    }
    if let input = request.input, !isLive(input), RunDirectory.isDirectory(input) {
      // A run directory (or a recording folder) given as the scrape: its recording's timeline.
      guard request.since == nil && request.seconds == nil else {
        throw AppError("\(input): a directory is read as a recording; --since and --seconds do not apply")
      }
      let folder = access(input + "/metrics/index.tsv", R_OK) == 0 ? input + "/metrics" : input
      guard access(folder + "/index.tsv", R_OK) == 0 else {
        throw AppError(
          "\(input): no metrics/index.tsv (expected a run directory with a scrape recording, or a recording)")
      }
      return try timeline(folder, thresholds: request.thresholds)
    }
    return try await scrapes(request.input ?? "-", request, notice: notice)
  }

  /// One scrape, or the window between two (files, or a server scraped twice).
  static func scrapes(_ input: String, _ r: MetricsRequest, notice: (String) -> Void) async throws -> PromReportData {
    let data: PromReportData
    let after: Exposition
    if isLive(input), r.since == nil, let seconds = r.seconds {
      let fetcher = try r.http.fetcher(for: input)
      let first = try await r.http.fetchWaiting(fetcher, notice: notice)
      try await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
      let second = try await fetcher.fetch()
      let before = ExpositionParser.parse(first.body)
      after = ExpositionParser.parse(second.body)
      let window = Double(second.epochMs - first.epochMs) / 1000
      let analysis = WindowAnalysis(before: before, after: after, seconds: window)
      data = PromReportData(
        before: fetcher.endpoint.description + " @" + RecordingIndex.utc(epochMs: first.epochMs),
        after: fetcher.endpoint.description + " @" + RecordingIndex.utc(epochMs: second.epochMs),
        window: analysis, beforeIssues: before.issues, afterIssues: after.issues,
        findings: analysis.findings(r.thresholds))
    } else {
      let (afterBytes, afterName) = try await read(input, r.http, notice: notice)
      after = ExpositionParser.parse(afterBytes)
      if let since = r.since {
        let (beforeBytes, beforeName) = try await read(since, r.http, notice: notice)
        let before = ExpositionParser.parse(beforeBytes)
        let window = try r.seconds ?? windowSeconds(from: since, to: input)
        guard window > 0 else {
          throw AppError("\(since) is not earlier than \(input) (window \(window) s)")
        }
        let analysis = WindowAnalysis(before: before, after: after, seconds: window)
        data = PromReportData(
          before: beforeName, after: afterName, window: analysis, beforeIssues: before.issues,
          afterIssues: after.issues, findings: analysis.findings(r.thresholds))
      } else {
        let analysis = SnapshotAnalysis(after)
        data = PromReportData(source: afterName, snapshot: analysis, findings: analysis.findings(r.thresholds))
      }
    }
    if data.engines.isEmpty && !VLLMMetrics.hasVLLMMetrics(after) {
      throw AppError("\(data.sources.last ?? input): no vllm: metrics found (is this a vLLM /metrics page?)")
    }
    return data
  }

  /// The bytes of a scrape and the name to show for it: a file, standard input, or a live server.
  static func read(
    _ source: String, _ http: HTTPSettings, notice: (String) -> Void
  ) async throws
    -> (bytes: [UInt8], name: String)
  {
    guard isLive(source) else { return (try RecordingReader.readScrape(source), source) }
    let fetcher = try http.fetcher(for: source)
    return (try await http.fetchWaiting(fetcher, notice: notice).body, fetcher.endpoint.description)
  }

  /// The timeline of a recording folder.
  /// - Throws: ``InputError`` without an index.tsv, ``AppError`` without a successful vLLM scrape.
  public static func timeline(_ path: String, thresholds: FindingThresholds) throws -> PromReportData {
    let reader = try RecordingReader(path: path)
    var timeline = MetricsTimeline()
    var last: Exposition?
    var layout: ExpositionLayout?  // the previous scrape's: a steady server's scrapes parse faster
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
      throw AppError("\(path): no successful scrape in the recording (\(reader.rows.count) row(s) in index.tsv)")
    }
    if timeline.engines.isEmpty && !VLLMMetrics.hasVLLMMetrics(last) {
      throw AppError("\(path): no vllm: metrics found in the recording")
    }
    return PromReportData(
      recording: reader.directory, timeline: timeline, malformedIndexLines: reader.malformedLines,
      findings: timeline.findings(thresholds))
  }

  /// Seconds from scrape `a` to scrape `b`: their rows in an index.tsv beside them, else modification times.
  /// - Throws: ``AppError`` when neither tells.
  public static func windowSeconds(from a: String, to b: String) throws -> Double {
    if let ta = indexMilliseconds(a), let tb = indexMilliseconds(b) { return (tb - ta) / 1000 }
    if let ta = modificationTime(a), let tb = modificationTime(b), ta != tb { return tb - ta }
    throw AppError(
      "cannot tell how far apart \(a) and \(b) were scraped: give --seconds (no index.tsv beside them, and "
        + "their modification times are equal or unknown)")
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
