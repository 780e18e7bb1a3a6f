import ArgumentParser
import ProfileMateApp
import ProfileMateCore
import Render

/// `profilemate analyze LOG`: the report for one vLLM server log.
struct AnalyzeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "analyze",
    abstract: "Analyse a vLLM server log (a file, a .gz, - for standard input) or a run directory.",
    discussion: """
      Without a path, analyses the bundled example (a run directory recorded from a real vLLM 0.32 CPU server \
      in examples/). A run directory holds server.log and optionally metrics/ (a scrape recording), \
      bench.json (vllm bench serve --save-result), config.json and run.json: they are joined into one report \
      with cross-checks that say whether the sources agree.
      Output: a readable report on the terminal; --json (--format json) for the documented schema \
      (docs/report-schema.md); --markdown (--format markdown) for an issue or PR; --format html for the HTML \
      report; --csv DIR for the raw series.
      """
  )

  @Argument(help: "The log to read (a path, a .gz file, or - for standard input) or a run directory.")
  var input: String?

  @OptionGroup var format: FormatOptions

  @Flag(help: "Write a Markdown summary instead of text (the same as --format markdown).")
  var markdown = false

  @Option(
    name: .customLong("csv"),
    help: ArgumentHelp(
      "Also write steps.csv, stats.csv, cudagraph.csv, mfu.csv and events.csv into this directory (and for a run "
        + "directory bench.csv and crosschecks.csv).", valueName: "dir"))
  var csvDirectory: String?

  @OptionGroup var output: OutputOptions

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

  @OptionGroup var failOn: FailOnOptions

  @OptionGroup var color: ColorOptions

  @OptionGroup var read: ReadOptions

  @OptionGroup var thresholdOptions: ThresholdOptions

  func validate() throws {
    _ = try format.resolve(markdown: markdown, allowed: [.text, .json, .markdown, .html])
    if let gpu, GPUCatalog.lookup(gpu) == nil {
      throw ValidationError("unknown GPU '\(gpu)'; `profilemate gpus` lists the known ones.")
    }
    if model != nil && gpu == nil { throw ValidationError("--model needs --gpu NAME for the roofline.") }
    if let tp, tp < 1 { throw ValidationError("--tp must be at least 1") }
  }

  func run() async throws {
    var request = AnalyzeRequest(path: input)
    request.gpu = gpu
    request.model = model
    request.tp = tp
    request.threads = read.threads
    request.csv = csvDirectory != nil
    request.thresholds = try thresholdOptions.thresholds()
    let result = try read.withProgress { try Analyze.run(request, progress: $0) }
    let report: String
    switch try format.resolve(markdown: markdown, allowed: [.text, .json, .markdown, .html]) {
    case .json: report = JSONReport.render(result.analysis, toolVersion: ProfileMate.version)
    case .markdown: report = MarkdownReport.render(result.analysis)
    case .html:
      report = HTMLReport.render(
        result.analysis, comparison: nil, server: result.serverHistograms, timeline: result.timeline,
        toolVersion: ProfileMate.version)
    case .text, .csv:
      let terminal = output.output == nil && ColorOptions.standardOutputIsTerminal
      report = TextReport.render(result.analysis, style: TextStyle(color: color.enabled(terminal: terminal)))
    }
    if let csvDirectory { try OutputFiles.write(result.csvFiles, into: csvDirectory) }
    try OutputFiles.emit(report, to: output.output)
    try failOn.check(result.analysis.findings)
  }
}
