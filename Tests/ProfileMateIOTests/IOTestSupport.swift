import Foundation
import ProfileMateCore
import VLLMLog

/// Temporary files and a log generator for the I/O tests.
enum IOTestSupport {
  /// A fresh temporary directory; remove it with `cleanup`.
  static func makeDirectory() throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pm-io-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
  }

  static func cleanup(_ dir: String) { try? FileManager.default.removeItem(atPath: dir) }

  static func write(_ bytes: [UInt8], to path: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
  }

  /// Runs `/usr/bin/gzip -c` on `input` and returns the compressed bytes.
  static func gzip(_ input: [UInt8]) throws -> [UInt8] {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
    p.arguments = ["-c", "-n"]
    let stdin = Pipe()
    let stdout = Pipe()
    p.standardInput = stdin
    p.standardOutput = stdout
    try p.run()
    // Write from another thread so a full output pipe cannot block the writer.
    let writer = Thread {
      stdin.fileHandleForWriting.write(Data(input))
      try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Array(out)
  }

  static let prefix = "INFO 05-13 10:01:02 [loggers.py:257] Engine 000: "

  /// A log of `lines` lines mixing iteration, stats and junk lines of varied lengths, some with `\r\n`.
  static func log(lines: Int) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(lines * 200)
    for i in 0..<lines {
      let line: String
      switch i % 5 {
      case 0, 1:
        line =
          prefix + "Iteration(\(i)): 0 context requests, 0 context tokens, \(i % 64) generation requests, "
          + "\(i % 64) generation tokens, iteration elapsed time: \(i % 97).\(i % 10)\(i % 7) ms, GPU KV cache usage: 1.0%"
      case 2:
        line =
          prefix + "Iteration(\(i)): 1 context requests, \(i % 4096) context tokens, 3 generation requests, "
          + "3 generation tokens, iteration elapsed time: 50.00 ms"
      case 3:
        line =
          prefix + "Avg prompt throughput: 1.0 tokens/s, Avg generation throughput: 2.0 tokens/s, "
          + "Running: \(i % 100) reqs, Waiting: \(i % 3) reqs, GPU KV cache usage: \(i % 100).0%"
      default:
        line = String(repeating: "junk ", count: i % 40)
      }
      out += Array(line.utf8)
      out += i % 7 == 0 ? [0x0D, 0x0A] : [0x0A]
    }
    return out
  }

  /// Whether two models hold the same figures (the source name aside).
  static func same(_ a: RunModel, _ b: RunModel) -> Bool {
    a.engines == b.engines && a.config == b.config && a.coverage == b.coverage
      && a.aggregatedStats == b.aggregatedStats && a.events == b.events && a.requests == b.requests
  }
}
