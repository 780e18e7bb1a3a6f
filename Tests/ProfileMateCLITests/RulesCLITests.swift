import Foundation
import Testing

/// `profilemate rules` and `--threshold NAME=VALUE`, end to end.
@Suite struct RulesCLITests {
  static var sharedFixtures: Bool { FileManager.default.fileExists(atPath: packageRoot + "/../shared/fixtures") }

  struct Listing {
    var rules: [[String: Any]]
    var thresholds: [[String: Any]]
  }

  func listing() throws -> Listing {
    let r = try run(["rules", "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    return Listing(
      rules: try #require(root["rules"] as? [[String: Any]]),
      thresholds: try #require(root["thresholds"] as? [[String: Any]]))
  }

  /// Whether a finding id is a rule id, or a member of a `prefix{placeholder}suffix` family.
  func registered(_ id: String, in rules: [String]) -> Bool {
    rules.contains { rule in
      guard let open = rule.firstIndex(of: "{"), let close = rule.firstIndex(of: "}") else { return rule == id }
      let prefix = rule[..<open]
      let suffix = rule[rule.index(after: close)...]
      return id.count > prefix.count + suffix.count && id.hasPrefix(prefix) && id.hasSuffix(suffix)
    }
  }

  @Test func listsEveryRuleAndThresholdWithDefaults() throws {
    let l = try listing()
    let ids = l.rules.compactMap { $0["id"] as? String }
    #expect(ids.count == l.rules.count && Set(ids).count == ids.count)
    #expect(ids.contains("kv_pressure") && ids.contains("roofline_{kind}") && ids.contains("benchmark_failures"))
    let kv = try #require(l.rules.first { $0["id"] as? String == "kv_pressure" })
    #expect(kv["sources"] as? [String] == ["log", "metrics"])
    #expect(kv["severities"] as? [String] == ["info", "warning"])
    let names = l.thresholds.compactMap { $0["name"] as? String }
    for rule in l.rules {
      for name in rule["thresholds"] as? [String] ?? [] { #expect(names.contains(name), "\(name)") }
    }
    let pressure = try #require(l.thresholds.first { $0["name"] as? String == "kv_pressure_pct" })
    #expect(pressure["default"] as? Double == 90 && pressure["unit"] as? String == "%")
    let text = try run(["rules"])
    #expect(text.status == 0)
    #expect(text.stdout.contains("kv_pressure  [kv_cache; info–warning; log, metrics]"))
    #expect(text.stdout.contains("thresholds: kv_pressure_pct=90%, kv_pressure_warning_pct=99%"))
  }

  /// Every finding any golden report holds (12 real fixtures), and every finding `metrics` draws from the
  /// run directories' recordings, comes from a listed rule, at one of the severities it lists.
  @Test(.enabled(if: sharedFixtures, "needs ../shared/fixtures"))
  func everyFindingOfTheFixturesIsListed() throws {
    let rules = try listing().rules
    let ids = rules.compactMap { $0["id"] as? String }
    var findings: [(source: String, finding: [String: Any])] = []
    for name in GoldenReportTests.cases.map(\.name) {
      let path = GoldenReportTests.goldens + "/\(name).json"
      let root = try #require(
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
      findings += (root["findings"] as? [[String: Any]] ?? []).map { (name, $0) }
    }
    for dir in ["run1-info-2048", "run2-debug-mfudebug-2048-crash", "run3-debug-color-2048"] {
      let r = try run(["metrics", "../shared/fixtures/vllm-cpu/\(dir)", "--json"], in: packageRoot)
      #expect(r.status == 0, "\(r.stderr)")
      let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
      findings += (root["findings"] as? [[String: Any]] ?? []).map { (dir, $0) }
    }
    for (source, f) in findings {
      let id = try #require(f["id"] as? String)
      let severity = try #require(f["severity"] as? String)
      let rule = rules.first { registered(id, in: [$0["id"] as? String ?? ""]) }
      #expect(registered(id, in: ids), "\(source): \(id)")
      #expect((rule?["severities"] as? [String])?.contains(severity) == true, "\(source): \(id) \(severity)")
    }
    #expect(findings.count >= 35)
  }

  @Test func unknownOrBadThresholdsAreUsageErrors() throws {
    let unknown = try run(["analyze", "--threshold", "kv_presure_pct=95", "--quiet"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("unknown threshold kv_presure_pct; did you mean kv_pressure_pct?"))
    let bad = try run(["metrics", "x.prom", "--threshold", "phase_ratio=0.5"])
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("--threshold phase_ratio=0.5: expected a ratio greater than 1"))
  }

  @Test(.enabled(if: sharedFixtures, "needs ../shared/fixtures"))
  func thresholdsReachAnalyzeAndMetrics() throws {
    // run1's log: requests wait in 3 of its 9 stats lines (33.3 %; awk over the `Waiting:` fields), so the
    // queueing finding goes at a share threshold of 34 %.
    let log = "../shared/fixtures/vllm-cpu/run1-info-2048/server.log"
    func ids(_ arguments: [String]) throws -> [String] {
      let r = try run(arguments + ["--json", "--quiet"], in: packageRoot)
      #expect(r.status == 0, "\(r.stderr)")
      let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
      return (root["findings"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }
    #expect(try ids(["analyze", log]).contains("queueing"))
    #expect(try !ids(["analyze", log, "--threshold", "queueing_share_pct=34"]).contains("queueing"))
    // run1's after-load scrape: decode 17.1× prefill (FixtureSnapshotTests), so a ratio of 20 silences it.
    let scrape = "../shared/fixtures/vllm-cpu/run1-info-2048/metrics-after-load.prom"
    let metrics = { (extra: [String]) throws -> [String] in
      let r = try run(["metrics", scrape, "--json"] + extra, in: packageRoot)
      #expect(r.status == 0, "\(r.stderr)")
      let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
      return (root["findings"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }
    #expect(try metrics([]).contains("decode_bottleneck"))
    #expect(try !metrics(["--threshold", "phase_ratio=20"]).contains("decode_bottleneck"))
    // --phase-ratio is the same threshold, and wins over --threshold.
    #expect(try metrics(["--threshold", "phase_ratio=20", "--phase-ratio", "10"]).contains("decode_bottleneck"))
  }
}
