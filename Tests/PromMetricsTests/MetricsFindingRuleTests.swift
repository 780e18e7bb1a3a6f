import ProfileMateCore
import PromMetrics
import Testing

/// The `/metrics` side of the rule registry: which rules read scrapes, and that each of their thresholds,
/// overridden by name, changes an outcome on a real scrape.
@Suite struct MetricsFindingRuleTests {
  @Test func metricsRulesAreExactlyThoseThatReadMetrics() {
    for rule in FindingRegistry.rules {
      #expect((rule is any MetricsFindingRule) == rule.info.sources.contains(.metrics), "\(rule.info.id)")
    }
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var base: [String] = []
    var assignment: String
    var id: String
    var before: Severity?
    var after: Severity?
    var testDescription: String { (base + [assignment]).joined(separator: " ") }
  }

  // run1's after-load scrape (FixtureSnapshotTests.run1AfterLoadFindings works the figures out): 206 requests,
  // mean decode 25.636 s ÷ mean prefill 1.4975 s = 17.1× (decode_bottleneck); prefix hits 1.5 % of 25,675
  // queried tokens; queue time 19.3 % of e2e latency; no request waiting; KV usage 0 % after the load.
  static let cases: [Case] = [
    Case(assignment: "phase_ratio=20", id: "decode_bottleneck", before: .info, after: nil),
    Case(assignment: "min_requests_for_phase_rule=207", id: "decode_bottleneck", before: .info, after: nil),
    Case(assignment: "low_prefix_hit_pct=1", id: "low_prefix_cache_hits", before: .info, after: nil),
    Case(assignment: "min_prefix_queries=30000", id: "low_prefix_cache_hits", before: .info, after: nil),
    Case(assignment: "queue_time_share_pct=19", id: "queueing", before: nil, after: .warning),
    Case(assignment: "waiting_requests=0", id: "queueing", before: nil, after: .info),
    Case(assignment: "kv_pressure_pct=0", id: "kv_pressure", before: nil, after: .info),
    Case(
      base: ["kv_pressure_pct=0"], assignment: "kv_pressure_warning_pct=0", id: "kv_pressure", before: .info,
      after: .warning),
  ]

  @Test(arguments: cases)
  func overrideChangesTheOutcome(_ c: Case) throws {
    let a = SnapshotAnalysis(try Fixtures.parse(Fixtures.run1 + "/metrics-after-load.prom"))
    let base = try FindingThresholds.parse(c.base)
    let changed = try FindingThresholds.parse(c.base + [c.assignment])
    #expect(a.findings(base).first { $0.id == c.id }?.severity == c.before)
    #expect(a.findings(changed).first { $0.id == c.id }?.severity == c.after)
    let name = String(c.assignment.prefix { $0 != "=" })
    #expect(FindingRegistry.rule(for: c.id)?.info.thresholds.contains(name) == true)
  }

  @Test func everyThresholdOfAMetricsRuleIsOverridden() {
    let read = Set(FindingRegistry.rules.filter { $0 is any MetricsFindingRule }.flatMap(\.info.thresholds))
    let overridden = Set(Self.cases.map { String($0.assignment.prefix { $0 != "=" }) })
    // Queueing's log thresholds are the log's to test (ProfileMateCoreTests.ThresholdOverrideTests).
    #expect(read.subtracting(overridden) == ["queueing_share_pct", "queueing_warning_share_pct"])
  }
}
