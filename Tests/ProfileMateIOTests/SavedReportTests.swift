import Foundation
import ProfileMateCore
import Testing

@testable import ProfileMateIO

@Suite struct SavedReportTests {
  private func read(_ json: String) throws -> RunSummary {
    let dir = try IOTestSupport.makeDirectory()
    defer { IOTestSupport.cleanup(dir) }
    let path = dir + "/report.json"
    try json.write(toFile: path, atomically: true, encoding: .utf8)
    return try SavedReport.read(path: path)
  }

  @Test func schemaVersionMustBeAnInteger() throws {
    #expect(try read(#"{"schema_version": 1}"#).source.hasSuffix("report.json"))
    for bad in ["true", "false", "1.5", "\"1\"", "null"] {
      #expect(throws: InputError.self, "schema_version \(bad)") {
        try read(#"{"schema_version": "# + bad + "}")
      }
    }
    #expect(throws: InputError.self) { try read(#"{"schema_version": 2}"#) }
  }

  @Test func benchmarkAndCrossChecksAreReadBack() throws {
    let s = try read(
      """
      {"schema_version": 1,
       "benchmark": {"request_throughput": 3.5, "completed": 23, "failed": 1,
         "latency_ms": {
           "ttft": {"mean": 50, "median": 40.5, "std": 1, "percentiles": {"p50": 40.5, "p90": 70, "p99": 82.25}},
           "tpot": {"mean": 2, "median": null, "std": 1, "percentiles": {"p50": 1.75, "p99": 5}},
           "itl": {"mean": 2, "median": null, "std": 1, "percentiles": {}}}},
       "cross_checks": [
         {"id": "generation_tokens", "title": "generation tokens", "status": "agree", "unit": "tokens",
          "expected": {"source": "log", "value": 768}, "observed": {"source": "metrics", "value": 770},
          "difference": 2, "tolerance": "±1%", "note": "n"},
         {"id": "ttft_p99", "title": "TTFT p99", "status": "unchecked"},
         {"id": "odd", "title": "unknown status", "status": "maybe"},
         {"title": "no id", "status": "agree"}]}
      """)
    let b = try #require(s.benchmark)
    #expect(b.requestThroughput == 3.5)
    #expect(b.completed == 23)
    #expect(b.failed == 1)
    #expect(b.latencies["ttft"] == BenchmarkFigures.Percentiles(p50Ms: 40.5, p99Ms: 82.25))
    // No median: the p50 percentile stands in.
    #expect(b.latencies["tpot"] == BenchmarkFigures.Percentiles(p50Ms: 1.75, p99Ms: 5))
    // Neither figure: no entry.
    #expect(b.latencies["itl"] == nil)
    #expect(b.latencies["e2el"] == nil)
    // A saved report holds no per-request values.
    #expect(b.samples.isEmpty)
    #expect(s.crossChecks.map(\.id) == ["generation_tokens", "ttft_p99"])
    #expect(s.crossChecks.map(\.status) == [.agree, .unchecked])
    #expect(s.crossChecks.first?.title == "generation tokens")
    #expect(s.crossChecks.first?.difference == 2)
  }

  @Test func aLogReportHasNoBenchmark() throws {
    let s = try read(#"{"schema_version": 1, "run_directory": null, "benchmark": null, "cross_checks": []}"#)
    #expect(s.benchmark == nil)
    #expect(s.crossChecks.isEmpty)
  }
}
