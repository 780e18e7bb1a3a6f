import Foundation
import Testing

/// A log of `n` decode steps taking `ms(i)` milliseconds each.
private func decodeLog(_ n: Int, ms: (Int) -> Double) -> String {
  (0..<n).map { i in
    let t = String(format: "%.2f", ms(i))
    return "INFO 05-13 10:01:\(String(format: "%02d", i / 10)) [core.py:1] Engine 000: Iteration(\(i)): 0 context "
      + "requests, 0 context tokens, 4 generation requests, 4 generation tokens, iteration elapsed time: \(t) ms\n"
  }.joined()
}

@Suite struct ReportCompareCLITests {
  @Test func reportWritesOneSelfContainedFile() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let out = dir + "/report.html"
    let r = try run(["report", example, "-o", out, "--quiet"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.isEmpty)
    let html = try String(contentsOfFile: out, encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("id=\"chart-step-time\""))
    #expect(!html.contains("<script"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["report.html"])
  }

  @Test func reportInputErrorsExitTwoOnOneLine() throws {
    let missing = "/nonexistent-pm-\(UUID().uuidString)/server.log"
    let r = try run(["report", missing, "-o", "/tmp/unused-pm.html"])
    #expect(r.status == 2)
    #expect(r.stderr.split(separator: "\n").count == 1)
    #expect(r.stderr.contains(missing))
    #expect(try run(["report", example, example, "-o", "/tmp/unused-pm.html"]).status == 2)
    #expect(try run(["report", example]).status == 2)  // -o is required
  }

  @Test func twoCopiesOfTheSameRunShowNoSignificantChange() throws {
    let r = try run(["compare", example, example, "--quiet"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("Configuration differences\n  none"))
    #expect(r.stdout.contains("Verdict: no significant change"))
    #expect(r.stdout.contains("2,000 resamples, seed 20240513"))
  }

  @Test func gateExitCodes() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    // A: 10.0…10.9 ms; B: the same steps 10 % slower (11.0…11.99 ms): p99 +10 %.
    try decodeLog(100) { 10 + Double($0 % 10) / 10 }.write(toFile: dir + "/a.log", atomically: true, encoding: .utf8)
    try decodeLog(100) { (10 + Double($0 % 10) / 10) * 1.1 }.write(
      toFile: dir + "/b.log", atomically: true, encoding: .utf8)
    let a = dir + "/a.log"
    let b = dir + "/b.log"
    let fired = try run(["compare", a, b, "--fail-on", "decode.p99_ms>+5%", "--quiet"])
    #expect(fired.status == 1, "\(fired.stderr)")
    let lines = fired.stderr.split(separator: "\n")
    #expect(lines.count == 1)
    #expect(lines.first?.contains("decode.p99_ms>+5%: decode step p99 10.90 → 11.99 ms (+10.0%)") == true)
    #expect(fired.stdout.contains("decode step p99"))
    #expect(fired.stdout.contains("worse"))
    // Within the tolerance: exit 0.
    let passed = try run(["compare", a, b, "--fail-on", "decode.p99_ms>+15%", "--fail-on", "throughput<-20%", "-q"])
    #expect(passed.status == 0, "\(passed.stderr)")
    #expect(passed.stderr.isEmpty)
    // Throughput dropped by 1 − 1/1.1 ≈ 9.1 %: a −3 % rule fires.
    #expect(try run(["compare", a, b, "--fail-on", "throughput<-3%", "-q"]).status == 1)
    // A rule that cannot be read, or a metric neither log has: exit 2.
    #expect(try run(["compare", a, b, "--fail-on", "decode.p99>5%"]).status == 2)
    let missing = try run(["compare", a, b, "--fail-on", "kv_peak_pct>+1%", "-q"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("kv_peak_pct"))
    #expect(try run(["compare", a, dir + "/none.log"]).status == 2)
  }

  @Test func compareJSONAndSavedReports() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let saved = dir + "/a.json"
    #expect(try run(["analyze", example, "--json", "-o", saved, "--quiet"]).status == 0)
    let r = try run(["compare", saved, example, "--json", "--quiet"])
    #expect(r.status == 0, "\(r.stderr)")
    let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect((o["config_differences"] as? [Any])?.isEmpty == true)
    // A saved report holds no steps: figures only, no intervals.
    #expect(o["overall"] as? String == "not_tested")
    let metrics = try #require(o["metrics"] as? [[String: Any]])
    let p50 = try #require(metrics.first { $0["metric"] as? String == "decode.p50_ms" })
    #expect(p50["difference"] as? Double == 0)
  }

  @Test func reportWithBaselineHasTheComparison() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let out = dir + "/r.html"
    let r = try run(["report", example, "--baseline", example, "-o", out, "--resamples", "200", "-q"])
    #expect(r.status == 0, "\(r.stderr)")
    let html = try String(contentsOfFile: out, encoding: .utf8)
    #expect(html.contains("<section id=\"comparison\">"))
    #expect(html.contains("id=\"chart-intervals\""))
  }

  /// The recorded pair: TTFT p99 82.00225080006476 → 233.9426315500577 ms in the two bench.json files
  /// (+185.288 %, by hand: 151.94 ÷ 82.00).
  @Test func gateOnBenchmarkLatencyExitCodes() throws {
    let a = packageRoot + "/examples/vllm-cpu-0.32-2048"
    let b = packageRoot + "/examples/vllm-cpu-0.32-4096"
    let fired = try run(["compare", a, b, "--fail-on", "ttft.p99_ms>+10%", "--resamples", "200", "-q"])
    #expect(fired.status == 1, "\(fired.stderr)")
    #expect(fired.stderr == "profilemate: --fail-on: ttft.p99_ms>+10%: TTFT p99 82.00 → 233.9 ms (+185.3%)\n")
    #expect(fired.stdout.contains("Cross-checks (run directories)"))
    let passed = try run(["compare", a, b, "--fail-on", "ttft.p99_ms>+200%", "--resamples", "200", "-q"])
    #expect(passed.status == 0, "\(passed.stderr)")
    #expect(passed.stderr.isEmpty)
    // A log alone has no benchmark: a rule on it cannot be evaluated (exit 2).
    let noBench = try run(["compare", example, example, "--fail-on", "ttft.p99_ms>+10%", "--resamples", "200", "-q"])
    #expect(noBench.status == 2)
    #expect(noBench.stderr.contains("ttft.p99_ms is not available in both runs"))
  }

  @Test func compareJSONHasBenchmarkFiguresAndCrossChecks() throws {
    let a = packageRoot + "/examples/vllm-cpu-0.32-2048"
    let b = packageRoot + "/examples/vllm-cpu-0.32-4096"
    let r = try run(["compare", a, b, "--json", "--resamples", "200", "-q"])
    #expect(r.status == 0, "\(r.stderr)")
    let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let metrics = try #require(o["metrics"] as? [[String: Any]])
    let ttft = try #require(metrics.first { $0["metric"] as? String == "ttft.p50_ms" })
    #expect(ttft["a"] as? Double == 40.1938)  // median_ttft_ms 40.19384250022995, rounded to 4 decimals
    #expect(ttft["interval"] is [String: Any])
    let checks = try #require(o["cross_checks"] as? [[String: Any]])
    #expect(checks.first?["id"] as? String == "generation_tokens")
    #expect(checks.first?["a"] as? String == "agree")
    let boot = try #require(o["bootstrap"] as? [String: Any])
    let samples = try #require(boot["latency_samples"] as? [[String: Any]])
    #expect(samples.map { $0["values_a"] as? Int } == [24, 724])
  }
}
