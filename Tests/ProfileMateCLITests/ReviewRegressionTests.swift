import Foundation
import Testing

/// Damaged or adversarial inputs found in review: each must give a clear result, never a trap.
@Suite struct ReviewRegressionTests {
  private let run2048 = packageRoot + "/examples/vllm-cpu-0.32-2048"

  /// A copy of the recorded 2048 run directory, to damage.
  private func copyOfExample() throws -> String {
    let dir = try temporaryDirectory()
    for name in try FileManager.default.contentsOfDirectory(atPath: run2048) {
      try FileManager.default.copyItem(atPath: run2048 + "/" + name, toPath: dir + "/" + name)
    }
    return dir
  }

  @Test func p100AndNaNBenchmarkFiguresDoNotTrap() throws {
    let dir = try copyOfExample()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    // `--metric-percentiles 50,90,99,100` writes p100_*; Python writes NaN for the mean of nothing.
    var text = try String(contentsOfFile: dir + "/bench.json", encoding: .utf8)
    text = text.replacingOccurrences(
      of: "\"mean_ttft_ms\":", with: "\"p100_ttft_ms\": 90.0, \"mean_ttft_ms\": NaN, \"x\":")
    try text.write(toFile: dir + "/bench.json", atomically: true, encoding: .utf8)
    let r = try run(["analyze", dir, "--json", "--quiet"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) is [String: Any])
  }

  @Test func nonFiniteAndHugeCountersDoNotTrap() throws {
    let dir = try copyOfExample()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let index = try String(contentsOfFile: dir + "/metrics/index.tsv", encoding: .utf8)
    // Columns: seq, utc, epoch_ms, file, http_code.
    let last = try #require(index.split(separator: "\n").last.map { String($0.split(separator: "\t")[3]) })
    let path = dir + "/metrics/" + last
    var scrape = try String(contentsOfFile: path, encoding: .utf8)
    scrape = scrape.replacingOccurrences(
      of: #"(vllm:request_success_total\{[^}]*\}) [0-9.e+]+"#, with: "$1 NaN", options: .regularExpression)
    scrape = scrape.replacingOccurrences(
      of: #"num_gpu_blocks="[0-9]+""#, with: #"num_gpu_blocks="9223372036854775807""#, options: .regularExpression)
    try scrape.write(toFile: path, atomically: true, encoding: .utf8)
    let analyzed = try run(["analyze", dir, "--quiet"])
    #expect(analyzed.status == 0, "\(analyzed.stderr)")
    let metrics = try run(["metrics", path])
    #expect(metrics.status == 0, "\(metrics.stderr)")
  }

  @Test func extremeDurationsAreRefused() throws {
    for arguments in [
      ["metrics", "127.0.0.1:9", "--wait", "inf"], ["metrics", "127.0.0.1:9", "--wait", "1e300"],
      ["metrics", "127.0.0.1:9", "--seconds", "1e12"], ["watch", "127.0.0.1:9", "--interval", "1e12"],
      ["watch", "127.0.0.1:9", "--window", "1e300"],
    ] {
      let r = try run(arguments)
      #expect(r.status == 2, "\(arguments): \(r.stderr)")
    }
  }

  @Test func aFileWithoutVLLMMetricsIsExitTwo() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try "hello world\n".write(toFile: dir + "/x.prom", atomically: true, encoding: .utf8)
    let r = try run(["metrics", dir + "/x.prom"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("no vllm: metrics found"))
  }

  @Test func oneScrapeGivesNoWindowChecks() throws {
    let dir = try copyOfExample()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let rows = try String(contentsOfFile: dir + "/metrics/index.tsv", encoding: .utf8).split(separator: "\n")
    // Keep the header and the last row only.
    try (rows.prefix(1) + rows.suffix(1)).joined(separator: "\n").appending("\n")
      .write(toFile: dir + "/metrics/index.tsv", atomically: true, encoding: .utf8)
    let r = try run(["analyze", dir, "--json", "--quiet"])
    #expect(r.status == 0, "\(r.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let checks = try #require(object["cross_checks"] as? [[String: Any]])
    let requests = try #require(checks.first { $0["id"] as? String == "requests" })
    #expect(requests["status"] as? String == "unchecked")
  }

  @Test func indexNamesOutsideTheRecordingAreNotRead() throws {
    let dir = try copyOfExample()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let indexPath = dir + "/metrics/index.tsv"
    var rows = try String(contentsOfFile: indexPath, encoding: .utf8).split(separator: "\n").map(String.init)
    var fields = rows[rows.count - 1].split(separator: "\t").map(String.init)
    fields[3] = "../../../../etc/hostname"
    rows[rows.count - 1] = fields.joined(separator: "\t")
    try (rows.joined(separator: "\n") + "\n").write(toFile: indexPath, atomically: true, encoding: .utf8)
    let r = try run(["metrics", "--recording", dir + "/metrics", "--json"])
    let secret = try String(contentsOfFile: "/etc/hostname", encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(secret.isEmpty || !(r.stdout + r.stderr).contains(secret))
  }

  @Test func aFileWithNoLogLineIsExitTwoButAnEmptyOneIsAReport() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try "#!/bin/sh\necho hello\n".write(toFile: dir + "/script.sh", atomically: true, encoding: .utf8)
    let script = try run(["analyze", dir + "/script.sh"])
    #expect(script.status == 2)
    #expect(script.stderr.contains("none of its 2 line(s) is a vLLM server log line"))
    try "".write(toFile: dir + "/empty.log", atomically: true, encoding: .utf8)
    #expect(try run(["analyze", dir + "/empty.log", "--json", "--quiet"]).status == 0)
  }

  @Test func anUnevaluableRuleStillWritesTheComparison() throws {
    let r = try run(["compare", example, example, "--fail-on", "ttft.p99_ms>+10%", "--quiet"])
    #expect(r.status == 2)
    #expect(r.stdout.contains("Verdict"))
    #expect(r.stderr.contains("--fail-on"))
  }
}
