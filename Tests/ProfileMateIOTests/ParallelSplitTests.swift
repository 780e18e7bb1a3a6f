import Foundation
import ProfileMateCore
import Testing
import VLLMLog

@testable import ProfileMateIO

/// Reading a file on several threads (iteration lines pre-parsed ahead) must give exactly the model
/// that reading it on one thread gives, whatever the window size and the number of threads.
@Suite struct ParallelSplitTests {
  private static let fixtures: String = {
    let parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    return parts.dropLast(3).joined(separator: "/") + "/../shared/fixtures/"
  }()

  /// Real logs of several versions and forms: colour, process prefixes, V0, Ray, DEBUG, a crash.
  private static let logs = [
    "real/logs/v1-0.15.0-gpt-oss-120b-tp4-iteration-details-ansi-profilemate.full.log",
    "vllm-cpu/run1-info-2048/server.log",
    "vllm-cpu/run2-debug-mfudebug-2048-crash/server.log",
    "vllm-cpu/run3-debug-color-2048/server.log",
    "real/logs/v0-fork-0.6.3-llama2-13b-max-num-seqs128-bsc-server_out.log",
    "real/logs/v1-0.10.1.1-gpt-oss-120b-tp4-ray-multinode-ansi-dennislee22.log",
  ]

  private func corpus() throws -> [UInt8] {
    var bytes: [UInt8] = []
    for log in Self.logs {
      bytes += Array(try Data(contentsOf: URL(fileURLWithPath: Self.fixtures + log)))
    }
    // End without a newline, in the middle of an iteration line.
    bytes += Array("INFO 02-01 13:22:00 [core.py:348] Iteration(9): 1 context requests, 5 con".utf8)
    return bytes
  }

  @Test(arguments: [(1, 300_000), (2, 300_000), (3, 1 << 20), (4, 777_777)])
  func severalThreadsReadWhatOneReads(threads: Int, window: Int) throws {
    let bytes = try corpus()
    let dir = try IOTestSupport.makeDirectory()
    defer { IOTestSupport.cleanup(dir) }
    let path = dir + "/corpus.log"
    try IOTestSupport.write(bytes, to: path)
    let reference = LogReader.read(bytes, source: path)
    let model = try LogFileReader.read(
      path: path, maxLineBytes: 1 << 20, threads: threads, window: window, progress: nil)
    #expect(model.coverage == reference.coverage)
    #expect(model.engines.map(\.steps.count) == reference.engines.map(\.steps.count))
    #expect(model == reference)
    // The corpus really holds the forms the pre-parse skips and the ones it reads.
    #expect((reference.coverage.byKind["iteration"] ?? 0) > 7_000)
    #expect((reference.coverage.byKind["cudagraph_table"] ?? 0) > 0)
  }
}
