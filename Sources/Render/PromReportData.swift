import ProfileMateCore
import PromMetrics

/// What the `/metrics` renderers show: one scrape (totals since start) or a window between two scrapes, with
/// the findings the analysis layer drew from it (``SnapshotAnalysis/findings(_:)``,
/// ``WindowAnalysis/findings(_:)``, ``MetricsTimeline/findings(_:)``); nothing is evaluated here.
public struct PromReportData: Sendable {
  /// The scrape(s) read: one name, or the earlier and the later.
  public var sources: [String]
  /// Window length in seconds; nil for one scrape.
  public var windowSeconds: Double?
  /// One summary per (model, engine).
  public var engines: [EngineSummary]
  /// Engines of the later scrape missing from the earlier one.
  public var newEngines: [String]
  /// Findings, most severe first.
  public var findings: [Finding]
  /// Malformed lines skipped, with the source they came from.
  public var issues: [(source: String, issue: ParseIssue)]
  /// The timeline of a recording (`metrics --recording`); nil for one scrape or a window.
  public var timeline: MetricsTimeline?

  /// Report data for one scrape and its findings.
  public init(source: String, snapshot: SnapshotAnalysis, findings: [Finding]) {
    sources = [source]
    windowSeconds = nil
    engines = snapshot.engines
    newEngines = []
    self.findings = findings
    issues = snapshot.issues.map { (source, $0) }
  }

  /// Report data for a window and its findings; `beforeIssues` / `afterIssues` are each scrape's malformed lines.
  public init(
    before: String, after: String, window: WindowAnalysis, beforeIssues: [ParseIssue], afterIssues: [ParseIssue],
    findings: [Finding]
  ) {
    sources = [before, after]
    windowSeconds = window.seconds
    engines = window.engines
    newEngines = window.newEngines
    self.findings = findings
    issues = beforeIssues.map { (before, $0) } + afterIssues.map { (after, $0) }
  }

  /// Report data for a recording and its findings: `engines` summarise the whole timeline, which is kept for
  /// the per-scrape tables. `malformedIndexLines` are lines of the recording's index.tsv that could not be read.
  public init(recording: String, timeline: MetricsTimeline, malformedIndexLines: [Int] = [], findings: [Finding]) {
    sources = [recording]
    windowSeconds = timeline.spanSeconds
    engines = timeline.wholeSummaries()
    newEngines = timeline.engines.filter { !$0.presentAtStart }.map(\.title)
    self.findings = findings
    issues =
      malformedIndexLines.map { (recording + "/index.tsv", ParseIssue(line: $0, message: "malformed index row")) }
      + timeline.issues.map { (recording + " scrape " + $0.scrape, $0.issue) }
    self.timeline = timeline
  }
}
