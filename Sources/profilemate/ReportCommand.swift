import ArgumentParser
import ProfileMateCore
import ProfileMateIO
import PromMetrics
import Render

/// `profilemate report INPUT -o report.html`: one self-contained HTML report.
struct ReportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write one self-contained HTML report (inline CSS and SVG charts, no network request).",
    discussion: """
      INPUT is a vLLM server log (a file, a .gz, or - for standard input) or a run directory (server.log, \
      metrics/, bench.json, …): then it also shows the benchmark, the server's latency histograms and the \
      cross-checks. The report opens offline in any \
      browser: findings first, each linking to its evidence, then CUDA graphs, step timing, scheduling, \
      bandwidth and capacity, with charts; light and dark schemes follow the viewer's setting, and it \
      prints cleanly. --baseline B adds `compare B INPUT` to it. Sections: docs/report-html.md.
      """
  )

  @Argument(help: "The log or run directory to report on.")
  var inputs: [String]

  @Option(name: [.short, .long], help: ArgumentHelp("The HTML file to write (atomically).", valueName: "file"))
  var output: String

  @Option(help: ArgumentHelp("A baseline run (log or saved `analyze --json` report) to compare with.", valueName: "b"))
  var baseline: String?

  @Option(
    help: ArgumentHelp(
      "The GPU the server ran on, for MFU/MBU against its datasheet (see `profilemate gpus`).", valueName: "name"))
  var gpu: String?

  @OptionGroup var comparison: ComparisonOptions

  @Flag(name: .shortAndLong, help: "Do not show progress on standard error.")
  var quiet = false

  @Option(help: ArgumentHelp("Threads for reading a large log file.", valueName: "n"))
  var threads: Int?

  func validate() throws {
    guard !inputs.isEmpty else { throw ValidationError("give the log to report on.") }
    if inputs.count > 1 {
      throw ValidationError(
        "one log per report (got \(inputs.count)); metrics recordings, run directories and model configs are not "
          + "read by this build")
    }
    if let gpu, GPUCatalog.lookup(gpu) == nil {
      throw ValidationError("unknown GPU '\(gpu)'; `profilemate gpus` lists the known ones.")
    }
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1.") }
  }

  func run() async throws {
    let path = inputs[0]
    if SavedReport.looksLikeJSON(path: path) {
      throw CommandFailure(
        "\(path): a saved JSON report holds no series to draw; pass the log it came from", exitCode: 2)
    }
    let (model, runDirectory) = try RunInput.read(path: path, threads: threads, quiet: quiet)
    let analysis = RunInput.analyze(model, runDirectory, options: AnalysisOptions(gpu: gpu.flatMap(GPUCatalog.lookup)))
    let server = runDirectory?.metrics.map { m in
      ServerLatencyHistograms(
        ttft: m.window.histograms[.timeToFirstToken], itl: m.window.histograms[.interTokenLatency],
        seconds: runDirectory?.sources.metricsSeconds)
    }
    var result: RunComparison?
    if let baseline {
      let settings = comparison.settings
      let a = try RunInput.summary(path: baseline, settings: settings, threads: threads, quiet: quiet)
      let b = RunSummary(analysis, sampleLimit: settings.sampleLimit, seed: settings.seed)
      result = RunComparison.compare(a, b, settings: settings)
    }
    let html = HTMLReport.render(
      analysis, comparison: result, server: server, toolVersion: ProfileMate.version)
    try RunInput.emit(html, to: output)
  }
}
