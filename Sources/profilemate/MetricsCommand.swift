import ArgumentParser
import ProfileMateCore
import ProfileMateIO
import PromMetrics
import Render

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `profilemate metrics SCRAPE [--since EARLIER]`: what a vLLM `/metrics` scrape (or two) says.
struct MetricsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "metrics",
    abstract: "Analyse a vLLM /metrics scrape, or the window between two scrapes.",
    discussion: """
      One scrape: totals since each engine started, gauges at the scrape, latency quantiles as \
      histogram_quantile computes them. With --since EARLIER: increases and per-second rates between the \
      two scrapes (counter resets handled) and latency quantiles of that window, as Grafana's \
      histogram_quantile(φ, rate(…)) would show them. The window length comes from --seconds, else from \
      an index.tsv beside the files (columns seq, utc, epoch_ms, file), else from the files' modification \
      times. JSON schema: docs/metrics-schema.md.
      """
  )

  @Argument(help: "The (later) scrape: a path, a .gz file, or - for standard input.")
  var input: String

  @Option(
    help: ArgumentHelp("An earlier scrape of the same server: report the window between them.", valueName: "file"))
  var since: String?

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

  func validate() throws {
    if let seconds, !(seconds > 0) { throw ValidationError("--seconds must be a positive number.") }
    if seconds != nil && since == nil { throw ValidationError("--seconds needs --since.") }
    if since == "-" && input == "-" { throw ValidationError("only one of the scrapes can be standard input.") }
    if let phaseRatio, !(phaseRatio > 1) { throw ValidationError("--phase-ratio must be greater than 1.") }
  }

  func run() async throws {
    var thresholds = MetricsFindingThresholds()
    if let phaseRatio { thresholds.phaseRatio = phaseRatio }
    let data: PromReportData
    do {
      let after = ExpositionParser.parse(try Self.readAll(input))
      if let since {
        let before = ExpositionParser.parse(try Self.readAll(since))
        let window = try seconds ?? Self.windowSeconds(from: since, to: input)
        guard window > 0 else {
          throw CommandFailure("\(since) is not earlier than \(input) (window \(window) s)", exitCode: 2)
        }
        let analysis = WindowAnalysis(before: before, after: after, seconds: window)
        data = PromReportData(
          before: since, after: input, window: analysis, beforeIssues: before.issues, afterIssues: after.issues,
          thresholds: thresholds)
      } else {
        data = PromReportData(source: input, snapshot: SnapshotAnalysis(after), thresholds: thresholds)
      }
      if data.engines.isEmpty && data.issues.isEmpty && !VLLMMetrics.hasVLLMMetrics(after) {
        throw CommandFailure("\(input): no vllm: metrics found (is this a vLLM /metrics page?)", exitCode: 2)
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
    }
    if let failOn, let worst = data.findings.map(\.severity).max(), worst >= failOn {
      throw CommandFailure(
        "--fail-on \(failOn.rawValue): \(data.findings.filter { $0.severity >= failOn }.count) finding(s) at or above it",
        exitCode: 1)
    }
  }

  /// Every byte of a file, a .gz or standard input.
  static func readAll(_ path: String) throws -> [UInt8] {
    let source = try ByteSource(path: path)
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let n = try chunk.withUnsafeMutableBytes { try source.read(into: $0.baseAddress!, capacity: $0.count) }
      if n == 0 { break }
      out.append(contentsOf: chunk[0..<n])
    }
    return out
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

  /// epoch_ms of the file's row in `index.tsv` (seq, utc, epoch_ms, file, …).
  static func indexMilliseconds(_ path: String) -> Double? {
    guard path != "-" else { return nil }
    let (dir, name) = split(path)
    guard let bytes = try? readAll(dir + "/index.tsv") else { return nil }
    for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      if fields.count >= 4, fields[3] == name, let ms = Double(fields[2]) { return ms }
    }
    return nil
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
