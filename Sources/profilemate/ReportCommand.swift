import ArgumentParser
import ProfileMateApp
import ProfileMateCore
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
      prints cleanly. --baseline B adds `compare B INPUT` to it (B read by content: a log, a JSON log, a run \
      directory or a saved report). Sections: docs/report-html.md.
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

  @Option(
    help: ArgumentHelp(
      "The served model's Hugging Face config.json: with --gpu, every step is placed on the roofline.",
      valueName: "config"))
  var model: String?

  @Option(
    name: [.customLong("tp"), .customLong("tensor-parallel-size")],
    help: "Tensor-parallel size for --model (default: the log's).")
  var tp: Int?

  @OptionGroup var comparison: ComparisonOptions

  @OptionGroup var read: ReadOptions

  func validate() throws {
    guard !inputs.isEmpty else { throw ValidationError("give the log to report on.") }
    if inputs.count > 1 {
      throw ValidationError(
        "one log or run directory per report (got \(inputs.count)); a run directory joins the log with its "
          + "metrics recording and benchmark")
    }
    if let gpu, GPUCatalog.lookup(gpu) == nil {
      throw ValidationError("unknown GPU '\(gpu)'; `profilemate gpus` lists the known ones.")
    }
    if model != nil && gpu == nil { throw ValidationError("--model needs --gpu NAME for the roofline.") }
    if let tp, tp < 1 { throw ValidationError("--tp must be at least 1") }
  }

  func run() async throws {
    var request = AnalyzeRequest(path: inputs[0])
    request.gpu = gpu
    request.model = model
    request.tp = tp
    request.threads = read.threads
    let result = try read.withProgress { try Analyze.forReport(request, progress: $0) }
    let comparison = try baseline.map { path in
      try read.withProgress {
        try Comparing.against(
          baseline: path, result.analysis, settings: self.comparison.settings, threads: read.threads, progress: $0)
      }
    }
    let html = HTMLReport.render(
      result.analysis, comparison: comparison, server: result.serverHistograms, toolVersion: ProfileMate.version)
    try OutputFiles.emit(html, to: output)
  }
}
