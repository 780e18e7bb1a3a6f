import Foundation
import Testing

@testable import ProfileMateApp

/// The input detector on the real fixtures (each file's kind is known from where it came from: see its
/// .source.md or the vllm-cpu README) and on small synthetic inputs.
@Suite struct InputDetectorTests {
  @Test(
    "real fixtures are told apart by content", .enabled(if: AppFixtures.available, "needs ../shared/fixtures"),
    arguments: [
      ("vllm-cpu/run1-info-2048/server.log", InputKind.textLog),
      ("vllm-cpu/run3-debug-color-2048/server.log", .textLog),
      ("real/logs/v0-fork-0.6.3-llama2-13b-max-num-seqs128-bsc-server_out.log", .textLog),
      ("real/logs/v1-0.10.1.1-qwen2-7b-gmu0.25-terminal-wrapped-dennislee22.log", .textLog),
      ("vllm-cpu/run1-info-2048", .runDirectory),
      ("vllm-cpu/run2-debug-mfudebug-2048-crash", .runDirectory),
      ("vllm-cpu/run1-info-2048/metrics", .recording),
      ("vllm-cpu/run1-info-2048/metrics/index.tsv", .recording),
      ("vllm-cpu/run1-info-2048/metrics-after-load.prom", .scrape),
      ("vllm-cpu/run1-info-2048/metrics/snap-001-20261129T045217.970Z.prom", .scrape),
      ("real/metrics/v0-fork-0.6.3-cache_config_info-llama2-13b-bsc.prom", .scrape),
      ("vllm-cpu/run1-info-2048/bench-result.json", .benchJSON),
      ("real/bench/benchmark_serving-result-v0-llama2-13b-bsc.json", .benchJSON),
      ("vllm-cpu/run1-info-2048/bench-summary.txt", .benchText),
      ("real/bench/benchmark_serving-summary-v0-llama2-13b-bsc-log_11829623.out", .benchText),
    ])
  func realFixture(_ path: String, _ kind: InputKind) throws {
    #expect(try InputDetector.detect(path: AppFixtures.shared + "/" + path) == kind)
  }

  @Test func savedReportsOfThisPackageAreSavedReports() throws {
    // The golden JSON reports are `analyze --json` output, committed in the package.
    let golden = AppFixtures.packageRoot + "/Tests/ProfileMateCLITests/Goldens/example-2048.json"
    #expect(try InputDetector.detect(path: golden) == .savedReport)
    #expect(try InputDetector.detect(path: AppFixtures.packageRoot + "/examples/vllm-cpu-0.32-2048") == .runDirectory)
    #expect(
      try InputDetector.detect(path: AppFixtures.packageRoot + "/examples/vllm-cpu-0.32-2048/bench.json") == .benchJSON)
  }

  @Test func jsonLogIsALogNotASavedReport() throws {
    let line =
      #"{"asctime": "2026-02-01 13:22:00,123", "levelname": "INFO", "name": "vllm.x", "message": "Starting"}"#
    #expect(
      InputDetector.classify(InputSample(head: Array((line + "\n" + line + "\n").utf8), complete: true)) == .jsonLog)
    // The first line decides, even when the sample is cut in the middle of a later line.
    #expect(InputDetector.classify(InputSample(head: Array((line + "\n{\"asc").utf8), complete: false)) == .jsonLog)
  }

  @Test func synthetic() {
    func kind(_ text: String, complete: Bool = true) -> InputKind? {
      InputDetector.classify(InputSample(head: Array(text.utf8), complete: complete))
    }
    #expect(kind(#"{"schema_version": 1, "generator": {"name": "profilemate", "version": "0.1.0"}}"#) == .savedReport)
    // schema_version alone: read as a saved report, whose reader then names what is wrong with it.
    #expect(kind(#"{"schema_version": true}"#) == .savedReport)
    #expect(kind(#"{"schema_version": 1, "generator": {"name": "other-tool"}}"#) == nil)
    #expect(kind(#"{"completed": 3, "request_throughput": 1.5}"#) == .benchJSON)
    #expect(kind(#"{"traceEvents": []}"#) == nil)
    #expect(kind("[1, 2]") == .textLog)  // text: the log reader then says no line is a vLLM one
    #expect(kind("") == .textLog)  // an empty log still gives a report
    #expect(kind("a\u{0}b") == nil)  // binary
    #expect(kind("# HELP vllm:num_requests_running Number of requests\n") == .scrape)
    #expect(kind("vllm:num_requests_running{engine=\"0\"} 3\n") == .scrape)
    #expect(kind("process_cpu_seconds_total 12.5 1700000000000\n") == .scrape)
    #expect(kind("INFO 05-13 10:01:02 [loggers.py:257] Engine 000: Avg prompt throughput: 1 tokens/s\n") == .textLog)
    #expect(kind("seq\tutc\tepoch_ms\tfile\thttp_code\n001\tx\t1\ta.prom\t200\n") == .recording)
    #expect(kind("noise\n============ Serving Benchmark Result ============\n") == .benchText)
    #expect(InputDetector.classify(InputSample(entries: ["index.tsv", "a.prom"])) == .recording)
    #expect(
      InputDetector.classify(InputSample(entries: ["server.log", "metrics", "metrics/index.tsv"])) == .runDirectory)
  }

  @Test func unknownContentNamesTheCandidates() throws {
    let dir = try AppFixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = try AppFixtures.write(#"{"traceEvents": []}"#, "trace.json", in: dir)
    #expect(throws: InputDetectionError.self) { try InputDetector.detect(path: path) }
    do {
      _ = try InputDetector.detect(path: path)
    } catch let e as InputDetectionError {
      #expect(
        e.message
          == "\(path): not an input ProfileMate reads (checked against: text-log, json-log, saved-report, "
          + "run-directory, scrape, recording, bench-json, bench-text)")
      #expect(e.exitCode == 2)
    }
  }

  @Test func wrongKindNamesWhatItIsAndWhatIsRead() throws {
    let dir = try AppFixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = try AppFixtures.write("# TYPE vllm:x gauge\nvllm:x 1\n", "a.prom", in: dir)
    #expect(
      throws: InputDetectionError(path: path, found: .scrape, accepted: InputKind.logs, command: "analyze")
    ) { try InputDetector.detect(path: path, accepting: InputKind.logs, command: "analyze") }
    let e = InputDetectionError(path: path, found: .scrape, accepted: InputKind.logs, command: "analyze")
    #expect(
      e.message
        == "\(path): a /metrics scrape, which `analyze` does not read (it reads a vLLM server log, a vLLM JSON log, "
        + "a run directory)")
  }

  @Test func gzipIsClassifiedByItsDecompressedContent() throws {
    let dir = try AppFixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = try AppFixtures.write("# HELP vllm:x a gauge\nvllm:x 1\n", "scrape.prom", in: dir)
    let gzip = Process()
    gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    gzip.arguments = ["gzip", "-n", path]
    try gzip.run()
    gzip.waitUntilExit()
    try #require(gzip.terminationStatus == 0)
    #expect(try InputDetector.detect(path: path + ".gz") == .scrape)
  }

  @Test func missingFileIsTheReadersMessage() {
    #expect(throws: (any Error).self) { try InputDetector.detect(path: "/nonexistent/x.log") }
    do {
      _ = try InputDetector.detect(path: "/nonexistent/x.log")
    } catch {
      #expect("\(error)" == "/nonexistent/x.log: No such file or directory")
    }
  }

  @Test func standardInputIsNotProbed() throws {
    #expect(try InputDetector.detect(path: "-") == .textLog)
  }
}
