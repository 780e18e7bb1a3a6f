import ArgumentParser
import Kernels
import ProfileMateApp
import ProfileMateCore
import Render

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `profilemate kernels FILE…`: per-kernel time, DRAM traffic and bandwidth, class shares and findings from
/// Nsight Compute / Nsight Systems exports and torch-profiler traces, each recognised by its content.
struct KernelsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kernels",
    abstract: "Where kernel time goes: Nsight Compute / Nsight Systems CSVs and torch-profiler traces.",
    discussion: """
      Reads, detected by content: ncu --csv (--metrics / --page details / --page raw), nsys stats \
      cuda_gpu_kern_sum and cuda_gpu_trace (CSV or the printed tables), and torch-profiler Chrome traces \
      (.json or .json.gz). Kernel classes, fields and findings: docs/kernels.md.
      """
  )

  @Argument(help: "The files to read (a path, a .gz file, or - for standard input).")
  var files: [String]

  @Option(
    help: ArgumentHelp("The GPU whose datasheet bandwidth the shares use (see `profilemate gpus`).", valueName: "name"))
  var gpu: String?

  @Option(
    help: ArgumentHelp(
      "A Hugging Face config.json: each trace step whose vLLM label gives its batch (detailed_trace_annotation) "
        + "gets perf.py's FLOPs and bytes beside its time.", valueName: "config"))
  var model: String?

  @Option(
    name: [.customLong("tp"), .customLong("tensor-parallel-size")],
    help: ArgumentHelp("Tensor-parallel size for --model (default 1): the model's figures are per GPU.", valueName: "n")
  )
  var tp: Int?

  @Flag(help: "Write JSON (docs/kernels.md) instead of text.")
  var json = false

  @Flag(help: "Write Markdown instead of text.")
  var markdown = false

  @Option(help: ArgumentHelp("Also write kernels.csv and classes.csv into this directory.", valueName: "dir"))
  var csv: String?

  @Option(help: ArgumentHelp("Kernels shown per file in text and Markdown.", valueName: "n"))
  var top = 15

  func validate() throws {
    if files.isEmpty { throw ValidationError("give at least one FILE.") }
    if json && markdown { throw ValidationError("give --json or --markdown, not both.") }
    if top < 1 { throw ValidationError("--top must be at least 1.") }
    if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read once.") }
    if let tp, tp < 1 { throw ValidationError("--tp must be at least 1.") }
    if tp != nil, model == nil { throw ValidationError("--tp goes with --model.") }
    if let gpu, GPUCatalog.lookup(gpu) == nil {
      throw ValidationError("unknown GPU '\(gpu)'; `profilemate gpus` lists the known ones.")
    }
  }

  func run() async throws {
    let spec = gpu.flatMap(GPUCatalog.lookup)
    let reports = try KernelsInput.reports(paths: files, gpu: spec, model: model, tp: tp ?? 1)
    if let csv { try OutputFiles.write(KernelsCSV.files(reports), into: csv) }
    if json {
      print(KernelsJSON.render(reports, gpu: spec, toolVersion: ProfileMate.version), terminator: "")
    } else if markdown {
      print(KernelsMarkdown.render(reports, top: top), terminator: "")
    } else {
      let color = isatty(1) == 1 && getenv("NO_COLOR") == nil
      print(KernelsText.render(reports, top: top, style: TextStyle(color: color)), terminator: "")
    }
  }
}
