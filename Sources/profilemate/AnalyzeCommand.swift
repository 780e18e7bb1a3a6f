import ArgumentParser
import PerfModel
import ProfileMateCore
import ProfileMateIO
import Render
import RunJoin

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
      Output: a readable report on the terminal; --json for the documented schema \
      (docs/report-schema.md); --markdown for an issue or PR; --csv DIR for the raw series.
      """
  )

  @Argument(help: "The log to read (a path, a .gz file, or - for standard input) or a run directory.")
  var input: String?

  @Flag(help: "Write the JSON report (schema in docs/report-schema.md) instead of text.")
  var json = false

  @Flag(help: "Write a Markdown summary instead of text.")
  var markdown = false

  @Option(
    name: .customLong("csv"),
    help: ArgumentHelp(
      "Also write steps.csv, stats.csv, cudagraph.csv, mfu.csv and events.csv into this directory (and for a run "
        + "directory bench.csv and crosschecks.csv).", valueName: "dir"))
  var csvDirectory: String?

  @Option(
    name: [.short, .long],
    help: ArgumentHelp("Write the report to this file (atomically) instead of standard output.", valueName: "file"))
  var output: String?

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

  @Option(
    help: ArgumentHelp(
      "Exit with code 1 when a finding of this severity or worse exists (info, warning, critical).",
      valueName: "severity"))
  var failOn: Severity?

  @Flag(help: "Colour the text report even when standard output is not a terminal.")
  var color = false

  @Flag(help: "Never colour the text report.")
  var noColor = false

  @Flag(name: .shortAndLong, help: "Do not show progress on standard error.")
  var quiet = false

  @Option(
    help: ArgumentHelp(
      "Threads for reading a large log file (default: one per processor; the report does not depend on it).",
      valueName: "n"))
  var threads: Int?

  func validate() throws {
    if json && markdown { throw ValidationError("--json and --markdown exclude each other.") }
    if color && noColor { throw ValidationError("--color and --no-color exclude each other.") }
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1.") }
    if let gpu, GPUCatalog.lookup(gpu) == nil {
      throw ValidationError("unknown GPU '\(gpu)'; `profilemate gpus` lists the known ones.")
    }
    if model != nil && gpu == nil { throw ValidationError("--model needs --gpu NAME for the roofline.") }
    if let tp, tp < 1 { throw ValidationError("--tp must be at least 1") }
  }

  func run() async throws {
    let path = try input ?? BundledExample.path()
    let (model, runDirectory) = try RunInput.read(path: path, threads: threads, quiet: quiet)
    let costModel = try self.model.map { try stepCostModel(config: $0, log: model.config) }
    var options = AnalysisOptions(gpu: gpu.flatMap(GPUCatalog.lookup), costModel: costModel)
    // roofline.csv and the report's roofline come from one evaluation of every step.
    var rooflineFile: (name: String, contents: String)?
    if csvDirectory != nil, let costModel, let spec = options.gpu {
      let r = CSVExport.roofline(
        model, gpu: spec, costModel: costModel, overheadFactor: options.thresholds.rooflineOverheadFactor)
      rooflineFile = r.file
      options.evaluatedRoofline = .init(r.analysis)
    }
    let analysis = RunInput.analyze(model, runDirectory, options: options)
    let report: String
    if json {
      report = JSONReport.render(analysis, toolVersion: ProfileMate.version)
    } else if markdown {
      report = MarkdownReport.render(analysis)
    } else {
      let useColor = color || (!noColor && output == nil && isatty(1) == 1 && getenv("NO_COLOR") == nil)
      report = TextReport.render(analysis, style: TextStyle(color: useColor))
    }
    do {
      if let csvDirectory {
        try AtomicFile.makeDirectory(csvDirectory)
        var files = CSVExport.files(model) + CSVExport.runDirectoryFiles(analysis)
        if let rooflineFile { files.append(rooflineFile) }
        for file in files {
          try AtomicFile.write(file.contents, to: csvDirectory + "/" + file.name)
        }
      }
      if let output {
        try AtomicFile.write(report, to: output)
      } else {
        print(report, terminator: "")
      }
    } catch let error as InputError {
      throw CommandFailure(error.description, exitCode: error.exitCode)
    }
    if let failOn, let worst = analysis.findings.map(\.severity).max(), worst >= failOn {
      throw CommandFailure(
        "--fail-on \(failOn.rawValue): \(analysis.findings.filter { $0.severity >= failOn }.count) finding(s) at or above it",
        exitCode: 1)
    }
  }
}

extension AnalyzeCommand {
  /// The perf model of `config` deployed as the log says (TP, PP, dtype, KV-cache dtype, block size), with the
  /// KV pool's block count from the log for turning usage into tokens.
  fileprivate func stepCostModel(config path: String, log: EngineConfig) throws -> PerfStepCostModel {
    let config = try loadModelConfig(path)
    let ep = log.nonDefaultArgs["enable_expert_parallel"] == "True"
    let deployment = Deployment(
      tensorParallelSize: tp ?? log.tensorParallelSize?.value ?? 1,
      pipelineParallelSize: log.pipelineParallelSize?.value ?? 1,
      dataParallelSize: ep ? log.dataParallelSize?.value ?? 1 : 1, enableExpertParallel: ep,
      dtype: log.dtype?.value ?? "auto", kvCacheDtype: log.kvCacheDtype?.value ?? "auto")
    do {
      let plan = try KVCachePlan(
        config: config, deployment: deployment, blockSize: log.blockSize?.value ?? 16,
        maxNumBatchedTokens: log.maxNumBatchedTokens?.value ?? 8192)
      let blocks =
        log.kvCacheBlocks?.value
        ?? log.availableKVCacheGiB.map { plan.numBlocks(availableBytes: Int($0.value * 1_073_741_824)) }
      return try PerfStepCostModel(config: config, deployment: deployment, kvPlan: plan, numBlocks: blocks)
    } catch {
      throw CommandFailure(error.description, exitCode: 2)
    }
  }
}

extension Severity: ExpressibleByArgument {}
