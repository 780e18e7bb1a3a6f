import Kernels
import ProfileMateCore

/// Reads a kernel file from disk (or standard input, or gzip) and hands it to the pure readers in `Kernels`.
public enum KernelFiles {
  /// The most bytes a CSV or text export may have (a trace streams and has no such limit).
  public static let tableLimit = 512 << 20

  /// The report of the file at `path`, detected by content.
  /// - Throws: ``InputError`` for a file that cannot be opened or read, ``KernelInputError`` for content that
  ///   is not a kernel file or cannot be parsed (the caller adds the path).
  public static func report(path: String, gpu: GPUSpec?, costModel: StepCostModel? = nil) throws -> KernelReport {
    let source = try ByteSource(path: path)
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    let n = try chunk.withUnsafeMutableBytes { try source.read(into: $0.baseAddress!, capacity: $0.count) }
    bytes.append(contentsOf: chunk[0..<n])
    let kind = try KernelFileDetector.detect(bytes)
    if kind == .torchTrace {
      // Streams: the bytes already read, then the rest of the file, through a 1 MiB window.
      return try KernelInput.trace(ReplayingSource(head: bytes, rest: source), gpu: gpu, costModel: costModel)
    }
    while true {
      let n = try chunk.withUnsafeMutableBytes { try source.read(into: $0.baseAddress!, capacity: $0.count) }
      if n == 0 { break }
      bytes.append(contentsOf: chunk[0..<n])
      if bytes.count > tableLimit {
        throw InputError("\(path): larger than \(tableLimit >> 20) MiB (expected an Nsight CSV or text export)")
      }
    }
    return try KernelInput.report(bytes, kind: kind, gpu: gpu)
  }
}
