import ArgumentParser
import ProfileMateCore
import ProfileMateIO
import Render

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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

  @Argument(help: "The log to read: a path, a .gz file, or - for standard input.")
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

  @Flag(help: "Write JSON (docs/cudagraph.md) instead of text.")
  var json = false

  @Flag(name: .shortAndLong, help: "Do not show progress on standard error.")
  var quiet = false

  func validate() throws {
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
    if let histogram {
      try runHistogram(histogram)
    } else {
      try runLog(input ?? BundledExample.path())
    }
  }

  private func runLog(_ path: String) throws {
    let progress = ProgressLine(enabled: !quiet && isatty(2) == 1)
    let model: RunModel
    do {
      model = try LogFileReader.read(path: path, threads: LogFileReader.processorCount) { done, total in
        progress.update(done: done, total: total)
      }
    } catch let error as InputError {
      progress.clear()
      throw CommandFailure(error.description, exitCode: error.exitCode)
    }
    progress.clear()
    let analysis = RunAnalysis.analyze(model, options: AnalysisOptions(maxCaptureSizes: maxGraphs))
    guard let e = analysis.cudagraphEconomics else {
      throw CommandFailure(
        "\(path): no CUDA-graph figures: the log needs capture sizes (start-up lines or --cudagraph-metrics tables) "
          + "and steps (iteration lines or tables)", exitCode: 2)
    }
    print(
      json
        ? CudaGraphJSON.render(e, tables: analysis.cudagraph, source: path, toolVersion: ProfileMate.version)
        : "CUDA graphs — \(path)\n" + CudaGraphText.render(e), terminator: "")
  }

  private func runHistogram(_ path: String) throws {
    var sizes: [Int] = []
    for piece in (captureSizes ?? "").split(separator: ",") {
      guard let n = Int(piece.filter { $0 != " " }), n > 0 else {
        throw CommandFailure(
          "--capture-sizes: '\(piece)' is not a positive integer; expected e.g. 1,2,4,8", exitCode: 2)
      }
      sizes.append(n)
    }
    if sizes.isEmpty { throw CommandFailure("--capture-sizes: expected at least one size, e.g. 1,2,4,8", exitCode: 2) }
    let text: String
    do {
      text = try Self.readText(path)
    } catch let error as InputError {
      throw CommandFailure(error.description, exitCode: error.exitCode)
    }
    let workload: CudaGraphWorkload
    do {
      workload = try CudaGraphHistogram.parse(text)
    } catch {
      throw CommandFailure("\(path): \(error.description)", exitCode: 2)
    }
    guard workload.steps > 0 else {
      throw CommandFailure("\(path): the histogram has no steps; expected {\"<tokens>\": <steps>, …}", exitCode: 2)
    }
    let rule = CudaGraphPaddingRule(
      mode: mode.flatMap(CudaGraphMode.init(name:)) ?? .fullAndPiecewise, captureSizes: sizes, maxNumSeqs: maxNumSeqs)
    let e = CudaGraphEconomics(
      workload: workload, rule: rule, basis: .histogram, maxSizes: maxGraphs,
      version: vllmVersion.flatMap(VLLMVersion.init))
    print(
      json
        ? CudaGraphJSON.render(e, tables: nil, source: path, toolVersion: ProfileMate.version)
        : "CUDA graphs — \(path)\n" + CudaGraphText.render(e), terminator: "")
  }

  /// The whole of a small text file (a path, `-`, or gzip), at most 64 MiB.
  private static func readText(_ path: String) throws -> String {
    let source = try ByteSource(path: path)
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = try buffer.withUnsafeMutableBytes { try source.read(into: $0.baseAddress!, capacity: $0.count) }
      if n == 0 { break }
      bytes += buffer[0..<n]
      if bytes.count > 64 << 20 { throw InputError("\(path): larger than 64 MiB (expected a JSON histogram)") }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
