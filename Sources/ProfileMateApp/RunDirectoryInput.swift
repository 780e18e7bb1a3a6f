import Foundation
import MetricsFetch
import ProfileMateCore
import ProfileMateIO
import PromMetrics
import RunJoin
import StrictJSON

/// Reads the parts of a run directory besides its log: the benchmark result, the metrics span (a recording's
/// first and last successful scrapes, else a before/after pair) and `run.json`.
public struct RunDirectoryInput: Sendable {
  /// The files found.
  public let directory: RunDirectory
  /// The benchmark, when the directory has one.
  public let benchmark: BenchmarkResult?
  /// The server's side, when the directory has scrapes.
  public let metrics: MetricsSpan?
  /// What was joined, for the report.
  public let sources: RunSources
  /// Every readable scrape of the `metrics/` recording as a timeline (nil without a recording).
  public let timeline: MetricsTimeline?

  /// Reads everything but the log.
  /// - Throws: ``InputError`` or ``BenchResultError`` (both exit 2) naming the file that cannot be read.
  public init(_ directory: RunDirectory) throws {
    self.directory = directory
    var sources = RunSources(directory: directory.path)
    sources.log = directory.relative(directory.log)
    if let path = directory.benchmark {
      benchmark = try BenchResultReader.parse(try ByteSource.readAll(path), source: directory.relative(path))
      sources.benchmark = directory.relative(path)
    } else {
      benchmark = nil
    }
    var timeline: MetricsTimeline?
    metrics = try Self.metrics(directory, &sources, timeline: &timeline)
    self.timeline = timeline
    if let path = directory.runInfo {
      try Self.runInfo(path, directory, &sources)
    }
    sources.config = directory.config.map(directory.relative)
    self.sources = sources
  }

  static func metrics(
    _ d: RunDirectory, _ sources: inout RunSources, timeline: inout MetricsTimeline?
  ) throws -> MetricsSpan? {
    if let path = d.recording {
      let reader = try RecordingReader(path: path)
      let ok = reader.rows.filter(\.ok)
      sources.failedScrapes = reader.rows.count - ok.count
      // The first and last scrapes that can be read; a missing file counts as a failed scrape.
      let readable = ok.compactMap { row in (try? reader.body(of: row)).map { (row, $0) } }
      sources.failedScrapes = reader.rows.count - readable.count
      if readable.count >= 2 {
        var t = MetricsTimeline()
        for (row, body) in readable { t.add(ExpositionParser.parse(body), epochMs: row.epochMs, seq: row.seq) }
        timeline = t
      }
      if let first = readable.first, let last = readable.last {
        sources.metrics = d.relative(path) + "/"
        sources.scrapes = readable.count
        let seconds = Double(last.0.epochMs - first.0.epochMs) / 1000
        sources.metricsSeconds = seconds
        return MetricsSpan(
          first: ExpositionParser.parse(first.1), last: ExpositionParser.parse(last.1), seconds: seconds)
      }
    }
    let before = try d.beforeScrape.map { ($0, try RecordingReader.readScrape($0)) }.flatMap { $0.1.isEmpty ? nil : $0 }
    let after = try d.afterScrape.map { ($0, try RecordingReader.readScrape($0)) }.flatMap { $0.1.isEmpty ? nil : $0 }
    guard let last = after ?? before else { return nil }
    let first = before ?? last
    sources.metrics = first.0 == last.0 ? d.relative(last.0) : d.relative(first.0) + " → " + d.relative(last.0)
    sources.scrapes = first.0 == last.0 ? 1 : 2
    return MetricsSpan(
      first: ExpositionParser.parse(first.1), last: ExpositionParser.parse(last.1), seconds: 0)
  }

  static func runInfo(_ path: String, _ d: RunDirectory, _ sources: inout RunSources) throws {
    let bytes = try ByteSource.readAll(path)
    guard let info = try? JSONValue.parse(Data(bytes)), case .object = info else {
      throw InputError("\(path): not a JSON object (expected the run.json that scripts/record-vllm-cpu writes)")
    }
    sources.runInfo = d.relative(path)
    sources.recordedVLLMVersion = info["versions"]?["vllm"]?.stringValue
    sources.extraServerFlags = info["server"]?["extra_flags"]?.arrayValue?.compactMap(\.stringValue) ?? []
  }
}
