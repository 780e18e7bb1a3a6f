import Foundation
import Testing

/// `profilemate mock`, `load`, `watch --record`, `metrics` and `analyze` end to end on an ephemeral loopback
/// port, no vLLM needed. Bounded: the mock exits after 60 s, watch after 5 s, load has a 60 s time-out.
@Suite struct MockLoadCLITests {
  @Test func loadWatchAndAnalyzeAgainstTheMock() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let mock = Process()
    mock.executableURL = URL(fileURLWithPath: binary)
    mock.arguments = [
      "mock", "--port", "0", "--log-file", dir + "/server.log", "--exit-after", "60", "--log-stats-interval", "1",
      "--enable-logging-iteration-details", "--step-base-ms", "2",
    ]
    mock.standardOutput = FileHandle.nullDevice
    mock.standardError = FileHandle.nullDevice
    try mock.run()
    defer { if mock.isRunning { mock.terminate() } }
    // The port, from the log's "Starting vLLM server on http://127.0.0.1:PORT" line.
    var port: String?
    for _ in 0..<200 where port == nil {
      Thread.sleep(forTimeInterval: 0.05)
      let log = (try? String(contentsOfFile: dir + "/server.log", encoding: .utf8)) ?? ""
      if let r = log.range(of: "Starting vLLM server on http://127.0.0.1:") {
        port = String(log[r.upperBound...].prefix { $0.isNumber })
      }
    }
    let p = try #require(port)
    let url = "http://127.0.0.1:\(p)"
    let watch = Process()
    watch.executableURL = URL(fileURLWithPath: binary)
    watch.arguments = ["watch", url, "--record", dir + "/metrics", "--interval", "0.5", "--duration", "5", "--plain"]
    watch.standardOutput = FileHandle.nullDevice
    watch.standardError = FileHandle.nullDevice
    try watch.run()
    Thread.sleep(forTimeInterval: 1)
    let load = try run([
      "load", "--base-url", url, "--model", "mock", "--num-prompts", "30", "--request-rate", "20",
      "--random-input-len", "32", "--random-output-len", "16", "--ignore-eos", "--save-result", "--save-detailed",
      "--result-dir", dir, "--result-filename", "bench.json", "--timeout", "60",
    ])
    #expect(load.status == 0, "\(load.stderr)")
    #expect(load.stdout.contains("Successful requests:                    30"))
    #expect(load.stdout.contains("Inter-token Latency (per token)"))
    let metrics = try run(["metrics", url])
    #expect(metrics.status == 0)
    #expect(metrics.stdout.contains("mock / engine 0"))
    watch.waitUntilExit()
    mock.terminate()
    mock.waitUntilExit()
    let bench = try String(contentsOfFile: dir + "/bench.json", encoding: .utf8)
    #expect(bench.contains("\"completed\": 30"))
    #expect(bench.contains("\"total_output_tokens\": 480"))
    #expect(bench.contains("\"self_check\""))
    let lines = try String(contentsOfFile: dir + "/bench.requests.jsonl", encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 30)
    let analyze = try run(["analyze", dir])
    #expect(analyze.status == 0, "\(analyze.stderr)")
    #expect(analyze.stdout.contains("Benchmark (vllm bench serve, bench.json)"))
    // The server's generated tokens, from its own /metrics recording, agree with its iteration lines.
    #expect(analyze.stdout.contains("agree     Generated tokens"))
  }

  @Test func loadScrapesTheServerIntoARunDirectory() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let mock = Process()
    mock.executableURL = URL(fileURLWithPath: binary)
    mock.arguments = [
      "mock", "--port", "0", "--log-file", dir + "/server.log", "--exit-after", "60", "--log-stats-interval", "1",
      "--enable-logging-iteration-details", "--step-base-ms", "2",
    ]
    mock.standardOutput = FileHandle.nullDevice
    mock.standardError = FileHandle.nullDevice
    try mock.run()
    defer { if mock.isRunning { mock.terminate() } }
    var port: String?
    for _ in 0..<200 where port == nil {
      Thread.sleep(forTimeInterval: 0.05)
      let log = (try? String(contentsOfFile: dir + "/server.log", encoding: .utf8)) ?? ""
      if let r = log.range(of: "Starting vLLM server on http://127.0.0.1:") {
        port = String(log[r.upperBound...].prefix { $0.isNumber })
      }
    }
    let p = try #require(port)
    let load = try run([
      "load", "--base-url", "http://127.0.0.1:\(p)", "--model", "mock", "--num-prompts", "20", "--request-rate", "10",
      "--random-input-len", "16", "--random-output-len", "8", "--ignore-eos", "--save-result", "--save-detailed",
      "--result-dir", dir, "--result-filename", "bench.json", "--scrape", dir + "/metrics", "--scrape-interval", "0.5",
      "--timeout", "60",
    ])
    #expect(load.status == 0, "\(load.stderr)")
    mock.terminate()
    mock.waitUntilExit()
    // At least the first and the last scrape, 200 each.
    let index = try String(contentsOfFile: dir + "/metrics/index.tsv", encoding: .utf8)
    #expect(index.split(separator: "\n").filter { $0.hasSuffix("\t200") }.count >= 2, "\(index)")
    let analyze = try run(["analyze", dir])
    #expect(analyze.status == 0, "\(analyze.stderr)")
    // The benchmark's 20 completed requests against the server's request_success_total increase.
    #expect(analyze.stdout.contains("agree     Requests"), "\(analyze.stdout)")
  }
}
