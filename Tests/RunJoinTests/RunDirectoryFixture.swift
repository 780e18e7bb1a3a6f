import MetricsFetch
import ProfileMateCore
import ProfileMateIO
import PromMetrics
import RunJoin

/// Loads a run directory the way `profilemate analyze DIR` does, through the public pieces (tests only).
enum RunDirectoryFixture {
  static let root: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/RunJoinTests/RunDirectoryFixture.swift
    return parts.joined(separator: "/")
  }()

  static func shared(_ relative: String) -> String { root + "/../shared/fixtures/" + relative }

  static let run1 = shared("vllm-cpu/run1-info-2048")
  static let run2 = shared("vllm-cpu/run2-debug-mfudebug-2048-crash")
  static let run3 = shared("vllm-cpu/run3-debug-color-2048")

  static func analyze(_ path: String) throws -> RunAnalysis {
    let dir = try RunDirectory(path: path)
    var model = try LogFileReader.read(path: dir.log, threads: 1) { _, _ in }
    if let bench = dir.benchmark {
      model.benchmark = try BenchResultReader.parse(try ByteSource.readAll(bench), source: dir.relative(bench))
    }
    var sources = RunSources(directory: dir.path)
    var span: MetricsSpan?
    if let rec = dir.recording {
      let reader = try RecordingReader(path: rec)
      let ok = reader.rows.filter(\.ok)
      sources.scrapes = ok.count
      sources.failedScrapes = reader.rows.count - ok.count
      if let first = ok.first, let last = ok.last {
        span = MetricsSpan(
          first: ExpositionParser.parse(try reader.body(of: first)),
          last: ExpositionParser.parse(try reader.body(of: last)),
          seconds: Double(last.epochMs - first.epochMs) / 1000)
      }
    }
    var analysis = RunAnalysis.analyze(model)
    RunJoin.join(&analysis, sources: sources, metrics: span)
    return analysis
  }
}

extension RunAnalysis {
  func check(_ id: String) -> CrossCheck? { crossChecks.first { $0.id == id } }
}
