import Foundation
import MetricsFetch
import ProfileMateCore
import ProfileMateIO
import PromMetrics
import RunJoin

/// The inputs the round-trip tests analyse: every real log and run directory of ../shared/fixtures and the
/// examples/ runs (the shared fixtures are not in this repository; tests that need them are skipped without).
enum ReportFixtures {
  static let packageRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/ReportSchemaTests/ReportFixtures.swift
    return parts.joined(separator: "/")
  }()

  static var sharedFixtures: Bool { FileManager.default.fileExists(atPath: packageRoot + "/../shared/fixtures") }

  /// Paths relative to the package root: each real log, each vLLM CPU run as a log and as a run directory,
  /// and each example.
  static let inputs: [String] = {
    let fm = FileManager.default
    var out: [String] = []
    let logs = "../shared/fixtures/real/logs"
    for name in ((try? fm.contentsOfDirectory(atPath: packageRoot + "/" + logs)) ?? []).sorted()
    where name.hasSuffix(".log") {
      out.append(logs + "/" + name)
    }
    for base in ["../shared/fixtures/vllm-cpu", "examples"] {
      for name in ((try? fm.contentsOfDirectory(atPath: packageRoot + "/" + base)) ?? []).sorted() {
        let dir = base + "/" + name
        guard RunDirectory.isDirectory(packageRoot + "/" + dir),
          (try? RunDirectory(path: packageRoot + "/" + dir)) != nil
        else { continue }
        out.append(dir)
        out.append(dir + "/server.log")
      }
    }
    return out
  }()

  /// A cost model of fixed FLOPs and bytes per token (enough to fill the roofline section; not a real model).
  struct FlatCost: StepCostModel {
    func cost(of step: StepShape) -> StepCost? {
      StepCost(flops: 2e9 * Double(step.tokens), bytes: 1e9 + 1e5 * Double(step.decodeContext))
    }
    func peakFLOPS(on gpu: GPUSpec) -> Double { gpu.bf16FLOPS }
    func kvTokens(usagePct: Double, requests: Int) -> Double? { usagePct * 1000 }
  }

  /// Analyses a log or run directory with the shipped readers, as `analyze --gpu H200` does (run directories:
  /// the benchmark, the recording's first and last readable scrapes, else the before/after pair), and with
  /// ``FlatCost`` for a roofline. This mirrors the CLI's RunDirectoryInput until the run-input library of
  /// issue 10 item 2 exists; run.json is not read (it only names files in `run_directory`).
  static func analyze(_ relative: String) throws -> RunAnalysis {
    let path = packageRoot + "/" + relative
    var logPath = path
    var sources: RunSources?
    var span: MetricsSpan?
    var benchmark: BenchmarkResult?
    if RunDirectory.isDirectory(path) {
      let dir = try RunDirectory(path: path)
      logPath = dir.log
      var s = RunSources(directory: dir.path)
      s.log = dir.relative(dir.log)
      if let bench = dir.benchmark {
        benchmark = try BenchResultReader.parse(try ByteSource.readAll(bench), source: dir.relative(bench))
        s.benchmark = dir.relative(bench)
      }
      span = try metrics(dir, &s)
      sources = s
    }
    var model = try LogFileReader.read(path: logPath, threads: 2)
    model.benchmark = benchmark
    let options = AnalysisOptions(gpu: GPUCatalog.lookup("H200"), costModel: FlatCost())
    var analysis = RunAnalysis.analyze(model, options: options)
    if let sources { RunJoin.join(&analysis, sources: sources, metrics: span) }
    return analysis
  }

  private static func metrics(_ d: RunDirectory, _ s: inout RunSources) throws -> MetricsSpan? {
    if let rec = d.recording {
      let reader = try RecordingReader(path: rec)
      let readable = reader.rows.filter(\.ok).compactMap { row in (try? reader.body(of: row)).map { (row, $0) } }
      s.failedScrapes = reader.rows.count - readable.count
      if let first = readable.first, let last = readable.last {
        s.metrics = d.relative(rec) + "/"
        s.scrapes = readable.count
        let seconds = Double(last.0.epochMs - first.0.epochMs) / 1000
        s.metricsSeconds = seconds
        return MetricsSpan(
          first: ExpositionParser.parse(first.1), last: ExpositionParser.parse(last.1), seconds: seconds)
      }
    }
    let before = try d.beforeScrape.map { try ByteSource.readAll($0) }.flatMap { $0.isEmpty ? nil : $0 }
    let after = try d.afterScrape.map { try ByteSource.readAll($0) }.flatMap { $0.isEmpty ? nil : $0 }
    guard let last = after ?? before else { return nil }
    return MetricsSpan(first: ExpositionParser.parse(before ?? last), last: ExpositionParser.parse(last), seconds: 0)
  }
}
