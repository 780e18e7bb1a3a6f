import ProfileMateCore
import RunJoin
import Testing

/// The cross-check side of the rule registry.
@Suite struct CrossCheckFindingRuleTests {
  @Test func crossCheckRulesAreExactlyThoseThatReadCrossChecks() {
    for rule in FindingRegistry.rules {
      #expect((rule is any CrossCheckFindingRule) == rule.info.sources.contains(.crossCheck), "\(rule.info.id)")
    }
  }

  /// Every check the run-directory join can produce, made to disagree, gives exactly one finding, whose id
  /// the registry holds.
  @Test func everyCheckIdIsReportedByOneRule() {
    var bench = BenchmarkResult(source: "bench.json", generator: "vllm bench serve", completed: 100)
    bench.ttfts = (1...100).map { Double($0) / 100 }
    bench.itls = (1...100).map { Double($0) / 1000 }
    bench.requestRate = 5
    var checks = RunCrossChecks.evaluate(model: RunModel(source: "t"), metrics: nil, benchmark: bench)
    #expect(checks.count >= 10)
    for i in checks.indices { checks[i].status = .disagree }
    let findings = CrossCheckFindings.evaluate(checks, benchmark: nil)
    #expect(findings.map(\.id) == checks.map { "crosscheck_" + $0.id })
    for f in findings { #expect(FindingRegistry.rule(for: f.id) != nil, "\(f.id)") }
  }
}
