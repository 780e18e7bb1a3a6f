import ProfileMateCore
import ProfileMateIO

/// `profilemate cudagraph`'s inputs: a log (read like `analyze` reads it: run directories, the vLLM check) or a
/// what-if histogram of step token counts.
public enum CudaGraphInput {
  /// The economics to report, with the log's CUDA-graph tables when there are any.
  public struct Result: Sendable {
    /// Padding, eager fall-backs, the fitted list and mode advice.
    public var economics: CudaGraphEconomics
    /// The log's `--cudagraph-metrics` tables.
    public var tables: CudaGraphAnalysis?
  }

  /// The economics of the log at `path` (a log file, `-`, or a run directory).
  /// - Throws: the log's read errors, and ``AppError`` (exit 2) when the log has no CUDA-graph figures.
  public static func fromLog(
    path: String, maxGraphs: Int?, threads: Int? = nil, progress: RunInput.Progress? = nil
  ) throws -> Result {
    let run = try RunInput.read(path: path, command: "cudagraph", threads: threads, progress: progress)
    let analysis = RunInput.analyze(run, options: AnalysisOptions(maxCaptureSizes: maxGraphs))
    guard let e = analysis.cudagraphEconomics else {
      throw AppError(
        "\(path): no CUDA-graph figures: the log needs capture sizes (start-up lines or --cudagraph-metrics tables) "
          + "and steps (iteration lines or tables)")
    }
    return Result(economics: e, tables: analysis.cudagraph)
  }

  /// The economics of the histogram at `path` under `captureSizes` (comma-separated, as `--capture-sizes` takes
  /// them), `mode` (default FULL_AND_PIECEWISE) and `maxNumSeqs`.
  /// - Throws: ``InputError`` when the file cannot be read, ``AppError`` (exit 2) for a bad size list or histogram.
  public static func fromHistogram(
    path: String, captureSizes: String, mode: String?, maxNumSeqs: Int?, vllmVersion: String?, maxGraphs: Int?
  ) throws -> Result {
    var sizes: [Int] = []
    for piece in captureSizes.split(separator: ",") {
      guard let n = Int(piece.filter { $0 != " " }), n > 0 else {
        throw AppError("--capture-sizes: '\(piece)' is not a positive integer; expected e.g. 1,2,4,8")
      }
      sizes.append(n)
    }
    if sizes.isEmpty { throw AppError("--capture-sizes: expected at least one size, e.g. 1,2,4,8") }
    let text = try readText(path)
    let workload: CudaGraphWorkload
    do {
      workload = try CudaGraphHistogram.parse(text)
    } catch {
      throw AppError("\(path): \(error.description)")
    }
    guard workload.steps > 0 else {
      throw AppError("\(path): the histogram has no steps; expected {\"<tokens>\": <steps>, …}")
    }
    let rule = CudaGraphPaddingRule(
      mode: mode.flatMap(CudaGraphMode.init(name:)) ?? .fullAndPiecewise, captureSizes: sizes, maxNumSeqs: maxNumSeqs)
    let e = CudaGraphEconomics(
      workload: workload, rule: rule, basis: .histogram, maxSizes: maxGraphs,
      version: vllmVersion.flatMap(VLLMVersion.init))
    return Result(economics: e, tables: nil)
  }

  /// The whole of a small text file (a path, `-`, or gzip), at most 64 MiB.
  static func readText(_ path: String) throws -> String {
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
