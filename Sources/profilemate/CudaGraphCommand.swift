import ArgumentParser
import ProfileMateApp
import ProfileMateCore
import Render

/// `profilemate cudagraph`: CUDA-graph padding economics, a fitted capture-size list and mode advice,
/// from a log or from a what-if histogram.
struct CudaGraphCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cudagraph",
    abstract: "CUDA-graph padding, eager fall-backs, a capture-size list fitted to the traffic, and mode advice.",
    discussion: """
      From a log: profilemate cudagraph LOG [--max-graphs K] [--json].
      What-if: profilemate cudagraph --histogram FILE --capture-sizes 1,2,4,8 [--max-graphs K] --json, \
      where FILE is JSON {"<tokens>": <steps>, …} (uniform decode steps) or \
      {"decode": {…}, "mixed": {…}, "prefill": {…}}. Figures and fields: docs/cudagraph.md.
      """
  )

  @Argument(help: "The log to read: a path, a .gz file, - for standard input, or a run directory.")
  var input: String?

  @Option(help: ArgumentHelp("A JSON histogram of step token counts instead of a log.", valueName: "file"))
  var histogram: String?

  @Option(
    help: ArgumentHelp("Capture sizes for --histogram, comma-separated (1,2,4,8,…).", valueName: "sizes"))
  var captureSizes: String?

  @Option(help: ArgumentHelp("The CUDA-graph mode for --histogram (default FULL_AND_PIECEWISE).", valueName: "mode"))
  var mode: String?

  @Option(help: ArgumentHelp("max_num_seqs for --histogram (bounds FULL decode graphs).", valueName: "n"))
  var maxNumSeqs: Int?

  @Option(help: ArgumentHelp("The vLLM version the flag is for, with --histogram.", valueName: "version"))
  var vllmVersion: String?

  @Option(
    help: ArgumentHelp(
      "The most capture sizes the fitted list may have (default: as many as configured).", valueName: "K"))
  var maxGraphs: Int?

  @OptionGroup var format: FormatOptions

  @OptionGroup var read: ReadOptions

  func validate() throws {
    _ = try format.resolve(allowed: [.text, .json])
    if let maxGraphs, maxGraphs < 1 { throw ValidationError("--max-graphs must be at least 1.") }
    if histogram != nil, input != nil { throw ValidationError("give either a LOG or --histogram FILE, not both.") }
    if histogram == nil, captureSizes != nil || mode != nil || maxNumSeqs != nil || vllmVersion != nil {
      throw ValidationError("--capture-sizes, --mode, --max-num-seqs and --vllm-version go with --histogram.")
    }
    if histogram != nil, captureSizes == nil {
      throw ValidationError("--histogram needs --capture-sizes (e.g. --capture-sizes 1,2,4,8).")
    }
    if let mode, CudaGraphMode(name: mode) == nil {
      throw ValidationError(
        "unknown mode '\(mode)'; expected one of " + CudaGraphMode.allCases.map(\.rawValue).joined(separator: ", "))
    }
    if let maxNumSeqs, maxNumSeqs < 1 { throw ValidationError("--max-num-seqs must be at least 1.") }
  }

  func run() async throws {
    let isJSON = try format.resolve(allowed: [.text, .json]) == .json
    let name = try histogram ?? input ?? BundledExample.path()
    let result =
      try histogram == nil
      ? read.withProgress {
        try CudaGraphInput.fromLog(path: name, maxGraphs: maxGraphs, threads: read.threads, progress: $0)
      }
      : CudaGraphInput.fromHistogram(
        path: name, captureSizes: captureSizes ?? "", mode: mode, maxNumSeqs: maxNumSeqs, vllmVersion: vllmVersion,
        maxGraphs: maxGraphs)
    print(
      isJSON
        ? CudaGraphJSON.render(
          result.economics, tables: result.tables, source: name, toolVersion: ProfileMate.version)
        : "CUDA graphs — \(name)\n" + CudaGraphText.render(result.economics), terminator: "")
  }
}
