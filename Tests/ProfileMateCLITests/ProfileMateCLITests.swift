import Foundation
import Testing

/// The result of one run of the `profilemate` binary.
struct Run {
  var status: Int32
  var stdout: String
  var stderr: String
}

/// The package root, from this file's path (`Tests/ProfileMateCLITests/…`).
let packageRoot: String = {
  var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
  parts.removeLast(3)
  return parts.joined(separator: "/")
}()

/// The built binary: beside the test bundle (same build directory), else `.build/debug`.
let binary: String = {
  let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
  var candidates: [String] = []
  if let slash = exe.lastIndex(of: "/") { candidates.append(String(exe[..<slash]) + "/profilemate") }
  candidates.append(packageRoot + "/.build/debug/profilemate")
  return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
}()

func run(_ arguments: [String], stdin: Data? = nil, in directory: String? = nil) throws -> Run {
  let p = Process()
  p.executableURL = URL(fileURLWithPath: binary)
  p.arguments = arguments
  if let directory { p.currentDirectoryURL = URL(fileURLWithPath: directory) }
  var environment = ProcessInfo.processInfo.environment
  environment["NO_COLOR"] = "1"
  p.environment = environment
  let out = Pipe()
  let err = Pipe()
  p.standardOutput = out
  p.standardError = err
  let input = Pipe()
  p.standardInput = stdin == nil ? FileHandle.nullDevice : input
  try p.run()
  if let stdin {
    let writer = Thread {
      input.fileHandleForWriting.write(stdin)
      try? input.fileHandleForWriting.close()
    }
    writer.start()
  }
  let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
  let stderrData = err.fileHandleForReading.readDataToEndOfFile()
  p.waitUntilExit()
  return Run(
    status: p.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
    stderr: String(decoding: stderrData, as: UTF8.self))
}

func temporaryDirectory() throws -> String {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pm-cli-\(UUID().uuidString)").path
  try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  return dir
}

let example = packageRoot + "/examples/vllm-cpu-0.32-run1/server.log"

/// A log with findings (queueing, KV pressure) built from spec-shaped lines.
private let logWithFindings = [
  "INFO 05-13 10:01:02 [loggers.py:257] Engine 000: Avg prompt throughput: 10.0 tokens/s, Avg generation "
    + "throughput: 20.0 tokens/s, Running: 8 reqs, Waiting: 5 reqs, GPU KV cache usage: 97.0%, Prefix cache hit rate: 0.0%",
  "INFO 05-13 10:01:12 [loggers.py:257] Engine 000: Avg prompt throughput: 10.0 tokens/s, Avg generation "
    + "throughput: 20.0 tokens/s, Running: 8 reqs, Waiting: 9 reqs, GPU KV cache usage: 99.0%, Prefix cache hit rate: 0.0%",
].map { $0 + "\n" }.joined()

@Suite struct ProfileMateCLITests {
  @Test func analyzeWithoutArgumentReadsTheBundledExample() throws {
    // From an unrelated working directory: the example is found relative to the binary.
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try run(["analyze"], in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("examples/vllm-cpu-0.32-2048/server.log"))
    #expect(r.stdout.contains("Cross-checks"))
    #expect(r.stdout.contains("Findings"))
    #expect(!r.stdout.contains("\u{1B}["))
  }

  @Test func runDirectoryJoinsLogMetricsAndBenchmark() throws {
    // The recorded example: figures counted from its files (see examples/README.md), not from ProfileMate.
    let r = try run(["analyze", packageRoot + "/examples/vllm-cpu-0.32-2048", "--json", "--quiet"])
    #expect(r.status == 0, "\(r.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(object["schema_version"] as? Int == 1)
    let dir = try #require(object["run_directory"] as? [String: Any])
    #expect(dir["benchmark"] as? String == "bench.json")
    #expect(dir["metrics"] as? String == "metrics/")
    #expect(dir["recorded_vllm_version"] as? String == "0.32.0")
    let bench = try #require(object["benchmark"] as? [String: Any])
    #expect(bench["completed"] as? Int == 24)
    let checks = try #require(object["cross_checks"] as? [[String: Any]])
    let status = Dictionary(uniqueKeysWithValues: checks.map { ($0["id"] as? String ?? "", $0["status"] as? String) })
    for id in ["generation_tokens", "prompt_tokens", "requests", "request_rate"] {
      #expect(status[id] == "agree", "\(id)")
    }
    // TTFT p50 40.19 ms vs 11.11 ms (3.6× apart) and ITL p50 0.0042 ms (a gap inside a burst): not comparable.
    #expect(status["ttft_p50"] == "unchecked" && status["itl_p50"] == "unchecked")
  }

  @Test func metricsReadsARunDirectorysRecording() throws {
    let r = try run(["metrics", packageRoot + "/examples/vllm-cpu-0.32-2048"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("recording of 12 scrape(s), 0 failed"))  // 12 rows with code 200 in index.tsv
  }

  @Test func runDirectoryWithoutALogIsExitTwo() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try run(["analyze", dir])
    #expect(r.status == 2)
    #expect(r.stderr.contains("\(dir): no server.log; expected a run directory with server.log"))
  }

  @Test func jsonOutputParses() throws {
    let r = try run(["analyze", example, "--json", "--quiet"])
    #expect(r.status == 0, "\(r.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(object["schema_version"] as? Int == 1)
    #expect(object["source"] as? String == example)
    #expect((object["engine"] as? [String: Any])?["vllm_version"] as? String == "0.32.0")
    #expect(object["steps"] is [String: Any])
    #expect(object["findings"] is [Any])
  }

  @Test func failOnInfoExitsOneWhenThereAreFindings() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/server.log"
    try Data(logWithFindings.utf8).write(to: URL(fileURLWithPath: path))
    let r = try run(["analyze", path, "--fail-on", "info"])
    #expect(r.status == 1)
    #expect(r.stderr.contains("--fail-on info"))
    #expect(r.stdout.contains("queueing"))
    // The same log has no critical finding.
    #expect(try run(["analyze", path, "--fail-on", "critical"]).status == 0)
    // An unknown severity is an argument error.
    #expect(try run(["analyze", path, "--fail-on", "fatal"]).status == 2)
  }

  @Test func missingFileExitsTwoWithOneLineNamingIt() throws {
    let path = "/nonexistent-pm-\(UUID().uuidString)/server.log"
    let r = try run(["analyze", path])
    #expect(r.status == 2)
    #expect(r.stdout.isEmpty)
    let lines = r.stderr.split(separator: "\n")
    #expect(lines.count == 1)
    #expect(r.stderr.contains(path))
  }

  @Test func directoryInputExitsTwo() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try run(["analyze", dir])
    #expect(r.status == 2)
    #expect(r.stderr.contains(dir))
  }

  @Test(arguments: [
    ["analyze", "--no-such-flag"], ["analyze", "--json", "--markdown", "x.log"], ["analyze", "--gpu", "TPU9000"],
    ["frobnicate"], ["analyze", "a.log", "b.log"],
  ])
  func badArgumentsExitTwo(arguments: [String]) throws {
    let r = try run(arguments)
    #expect(r.status == 2, "\(arguments): \(r.stderr)")
    #expect(!r.stderr.isEmpty)
  }

  @Test func csvDirectoryGetsTheSeriesAndTheReport() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let csv = dir + "/nested/csv"
    let r = try run(["analyze", example, "--csv", csv, "--quiet"])
    #expect(r.status == 0, "\(r.stderr)")
    let files = try FileManager.default.contentsOfDirectory(atPath: csv).sorted()
    #expect(files == ["cudagraph.csv", "events.csv", "mfu.csv", "report.csv", "stats.csv", "steps.csv"])
    let steps = try String(contentsOfFile: csv + "/steps.csv", encoding: .utf8)
    #expect(steps.hasPrefix("engine,step,kind,"))
    #expect(steps.split(separator: "\n").count > 1)
  }

  @Test func outputFileIsWrittenWholeAndAlone() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let out = dir + "/report.md"
    try Data("old contents".utf8).write(to: URL(fileURLWithPath: out))
    let r = try run(["analyze", example, "--markdown", "-o", out])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.isEmpty)
    let text = try String(contentsOfFile: out, encoding: .utf8)
    #expect(text.hasPrefix("## ProfileMate: "))
    #expect(text.contains("### Findings"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["report.md"])
  }

  @Test func unwritableOutputExitsWithAnErrorNamingIt() throws {
    let out = "/nonexistent-pm-\(UUID().uuidString)/report.json"
    let r = try run(["analyze", example, "--json", "-o", out, "--fail-on", "critical"])
    // Exit code 1 means "a --fail-on rule fired"; an unusable output path is an argument problem.
    #expect(r.status == 2)
    #expect(r.stderr.contains(out))
  }

  @Test func gpusListsH100() throws {
    let r = try run(["gpus"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("H100-SXM"))
    #expect(r.stdout.hasPrefix("name"))
  }

  @Test func standardInputDash() throws {
    let r = try run(["analyze", "-", "--json"], stdin: Data(logWithFindings.utf8))
    #expect(r.status == 0, "\(r.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(object["source"] as? String == "-")
    #expect((object["scheduler"] as? [String: Any])?["samples"] as? Int == 2)
  }

  @Test func gzipOnStandardInput() throws {
    let gzip = Process()
    gzip.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
    gzip.arguments = ["-c"]
    let input = Pipe()
    let output = Pipe()
    gzip.standardInput = input
    gzip.standardOutput = output
    try gzip.run()
    input.fileHandleForWriting.write(Data(logWithFindings.utf8))
    try input.fileHandleForWriting.close()
    let gz = output.fileHandleForReading.readDataToEndOfFile()
    gzip.waitUntilExit()
    let r = try run(["analyze", "-", "--json"], stdin: gz)
    #expect(r.status == 0, "\(r.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect((object["scheduler"] as? [String: Any])?["max_waiting"] as? Int == 9)
  }
}

@Suite struct CudaGraphCLITests {
  /// {"3": 10, "5": 2} uniform decode under FULL_AND_PIECEWISE, sizes [1, 2, 4, 8]: 3 → 4, 5 → 8;
  /// unpadded 40, padded 56, padding 16, 16/56 = 28.571428… % (written unrounded). Fitted with ≤ 2 sizes that
  /// keep today's largest size 8: [3, 8] pads 5 → 8 twice (6 tokens), [5, 8] pads 3 → 5 ten times (20): [3, 8],
  /// padded 46.
  @Test func histogramJSONHasTheAcceptanceFields() throws {
    let dir = try temporaryDirectory()
    let path = dir + "/h.json"
    try #"{"3": 10, "5": 2}"#.write(toFile: path, atomically: true, encoding: .utf8)
    let r = try run(["cudagraph", "--histogram", path, "--capture-sizes", "1,2,4,8", "--max-graphs", "2", "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(o["unpadded_tokens"] as? Int == 40)
    #expect(o["padded_tokens"] as? Int == 56)
    #expect(o["padding_tokens"] as? Int == 16)
    #expect(abs((o["padding_overhead_pct"] as? Double ?? 0) - 16.0 / 56 * 100) < 1e-12)
    #expect(o["eager_steps"] as? Int == 0)
    let fitted = try #require(o["fitted"] as? [String: Any])
    #expect(fitted["capture_sizes"] as? [Int] == [3, 8])
    #expect(fitted["padding_tokens"] as? Int == 6 && fitted["padded_tokens"] as? Int == 46)
    #expect(fitted["eager_steps"] as? Int == 0)
  }

  @Test func badHistogramExitsTwoNamingTheFile() throws {
    let dir = try temporaryDirectory()
    let path = dir + "/bad.json"
    try #"{"three": 10}"#.write(toFile: path, atomically: true, encoding: .utf8)
    let r = try run(["cudagraph", "--histogram", path, "--capture-sizes", "1,2"])
    #expect(r.status == 2)
    #expect(r.stderr.contains(path) && r.stderr.contains("token count"))
    #expect(r.stderr.split(separator: "\n").count == 1)
    let sizes = try run(["cudagraph", "--histogram", path, "--capture-sizes", "1,x"])
    #expect(sizes.status == 2 && sizes.stderr.contains("--capture-sizes"))
  }

  @Test func logWithoutCudaGraphFiguresExitsTwo() throws {
    let dir = try temporaryDirectory()
    let path = dir + "/empty.log"
    try "INFO 01-01 00:00:00 [api_server.py:1] hello\n".write(toFile: path, atomically: true, encoding: .utf8)
    let r = try run(["cudagraph", path, "-q"])
    #expect(r.status == 2 && r.stderr.contains(path))
  }
}
