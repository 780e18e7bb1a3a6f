import Foundation
import ProfileMateCore
import Testing

@testable import ProfileMateIO

@Suite struct SavedReportTests {
  static let packageRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/ProfileMateIOTests/SavedReportTests.swift
    return parts.joined(separator: "/")
  }()

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

  @Test func messagesNameTheFileAndTheProblem() throws {
    func message(_ json: String) -> String {
      do {
        _ = try read(json)
        return ""
      } catch {
        return "\(error)"
      }
    }
    #expect(
      message("[1, 2]").hasSuffix(
        "report.json: not a JSON object (expected a saved `profilemate analyze --json` report)"))
    #expect(message("{").contains("not a JSON object"))
    #expect(
      message(#"{"steps": {}}"#).hasSuffix(
        "report.json: no schema_version (expected a saved `profilemate analyze --json` report)"))
    #expect(message(#"{"schema_version": "1"}"#).contains("schema_version is not an integer"))
    #expect(
      message(#"{"schema_version": 2}"#).hasSuffix("report schema_version 2 is not supported (this build reads 1)"))
    // A member of the wrong type is named by its path.
    let wrong = message(#"{"schema_version": 1, "steps": {"by_kind": {"decode": {"count": "many"}}}}"#)
    #expect(wrong.contains("report.json: steps.by_kind.decode.count: expected a number"), "\(wrong)")
    let element = message(#"{"schema_version": 1, "findings": [{"id": "a"}, {"id": 7}]}"#)
    #expect(element.contains("findings[1].id: expected a string"), "\(element)")
  }

  /// Reports saved by 0.1.0, before the report had full precision (figures rounded to 2–4 decimals; frozen
  /// copies in Tests/ReportSchemaTests/SavedReports): they read, and give the figures they hold (read here with
  /// JSONSerialization).
  @Test(arguments: ["v1-0.15.0-gpt-oss-h200", "v0-0.6.3-opt-preemption", "cpu-run1-dir"])
  func roundedReportsOfTodaysFormatRead(_ name: String) throws {
    let path = Self.packageRoot + "/Tests/ReportSchemaTests/SavedReports/0.1.0-rounded-\(name).json"
    let s = try SavedReport.read(path: path)
    let o = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    func object(_ o: [String: Any]?, _ key: String) -> [String: Any]? { o?[key] as? [String: Any] }
    let engine = object(o, "engine")
    #expect(s.config["vllm_version"] == engine?["vllm_version"] as? String)
    #expect(s.config["max_model_len"] == (engine?["max_model_len"] as? Int).map(String.init))
    #expect(s.config.filter { $0.key.hasPrefix("args.") }.count == (object(engine, "non_default_args")?.count ?? 0))
    let steps = object(o, "steps")
    #expect(s.stepTokensPerSecond == steps?["tokens_per_second"] as? Double)
    let decode = object(object(steps, "by_kind"), "decode")
    if let count = decode?["count"] as? Int, count > 0 {
      #expect(s.kinds[.decode]?.steps == count)
      #expect(s.kinds[.decode]?.p50Ms == decode?["p50_ms"] as? Double)
      #expect(s.kinds[.decode]?.p99Ms == decode?["p99_ms"] as? Double)
    } else {
      #expect(s.kinds[.decode] == nil)
    }
    let scheduler = object(o, "scheduler")
    #expect(s.promptThroughput == scheduler?["mean_prompt_throughput"] as? Double)
    #expect(s.preemptions == scheduler?["preemptions"] as? Int)
    #expect(s.paddingOverheadPct == object(o, "cudagraph")?["padding_overhead_pct"] as? Double)
    let bench = object(o, "benchmark")
    #expect(s.benchmark?.completed == bench?["completed"] as? Int)
    #expect(s.crossChecks.count == (o["cross_checks"] as? [Any])?.count ?? 0)
  }
}
