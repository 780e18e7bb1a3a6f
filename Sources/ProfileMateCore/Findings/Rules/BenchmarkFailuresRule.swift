/// `benchmark_failures`: the benchmark's own requests failed (a run directory's bench JSON; evaluated in
/// RunJoin).
package struct BenchmarkFailuresRule: FindingRule {
  package let info = RuleInfo(
    id: "benchmark_failures", area: .benchmark, sources: [.crossCheck], severities: [.warning, .critical],
    summary: "the benchmark reports failed requests (critical when none completed)")

  package init() {}
}
