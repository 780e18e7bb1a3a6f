import Foundation
import ProfileMateCore
import PromMetrics
import Render
import Testing

@Suite struct PromReportTests {
  func object(_ text: String) throws -> [String: Any] {
    let any = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(any as? [String: Any])
  }

  @Test func windowJSONHasNullsForAnEmptyWindowAndValidStructure() throws {
    let w = try Fixtures.window(Fixtures.run1, "010", "020")
    let data = PromReportData(
      before: "a.prom", after: "b.prom", window: w, beforeIssues: [], afterIssues: [ParseIssue(line: 3, message: "x")],
      findings: w.findings())
    let root = try object(PromJSONReport.render(data, toolVersion: "test"))
    #expect(root["schema_version"] as? Int == 1)
    #expect(root["mode"] as? String == "window")
    #expect(root["sources"] as? [String] == ["a.prom", "b.prom"])
    let issues = try #require(root["parse_issues"] as? [[String: Any]])
    #expect(issues.first?["source"] as? String == "b.prom" && issues.first?["line"] as? Int == 3)
    let engine = try #require((root["engines"] as? [[String: Any]])?.first)
    #expect(engine["model"] as? String == "tiny-llama")
    let latency = try #require(engine["latency_seconds"] as? [String: Any])
    let e2e = try #require(latency["e2e"] as? [String: Any])
    #expect(e2e["count"] as? Int == 0)
    #expect(e2e["p50"] is NSNull && e2e["mean"] is NSNull)
    let ttft = try #require(latency["ttft"] as? [String: Any])
    #expect(ttft["p50"] as? Double == 0.575)
    let rates = try #require(engine["rates"] as? [String: Any])
    #expect(rates["prompt_tokens_per_s"] as? Double == 190.6382)  // 4484 / 23.521, 4 decimals
    let buckets = try #require((engine["batch_tokens"] as? [String: Any])?["buckets"] as? [[String: Any]])
    #expect(buckets.last?["upper"] is NSNull)  // +Inf
  }

  @Test func snapshotTextReportShowsLatenciesAndFindings() throws {
    let a = SnapshotAnalysis(try Fixtures.parse(Fixtures.run1 + "/metrics-after-load.prom"))
    let text = PromTextReport.render(
      PromReportData(source: "after.prom", snapshot: a, findings: a.findings()),
      style: TextStyle(color: false))
    #expect(text.contains("tiny-llama / engine 0"))
    #expect(text.contains("ttft"))
    #expect(text.contains("4.09 s"))  // TTFT p50 4.0909 s
    #expect(text.contains("(decode_bottleneck)"))
    #expect(!text.contains("\u{1B}["))
  }
}
