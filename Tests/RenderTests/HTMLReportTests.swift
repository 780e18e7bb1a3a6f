import Foundation
import ProfileMateCore
import Testing

@testable import Render

@Suite struct HTMLReportTests {
  static let html = HTMLReport.render(RunAnalysis.analyze(ReportFixtures.rich), toolVersion: "9.9.9")

  /// Every `id="…"` in the page.
  static func ids(_ html: String) -> Set<String> {
    var out: Set<String> = []
    var rest = html[...]
    while let r = rest.range(of: " id=\"") {
      let tail = rest[r.upperBound...]
      guard let end = tail.firstIndex(of: "\"") else { break }
      out.insert(String(tail[..<end]))
      rest = tail[end...]
    }
    return out
  }

  @Test func isOneSelfContainedDocument() {
    let h = Self.html
    #expect(h.hasPrefix("<!DOCTYPE html>"))
    #expect(h.hasSuffix("</html>\n"))
    #expect(h.contains("Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\""))
    for loader in ["<script", "<link", "<img", " src=", "http://", "https://", "@import", "url("] {
      #expect(!h.contains(loader), "\(loader)")
    }
    #expect(h.contains("prefers-color-scheme: dark"))
    #expect(h.contains("@media print"))
  }

  @Test func sectionsFollowTheGuideWithFindingsFirst() throws {
    let h = Self.html
    let order = ["findings", "run", "cudagraphs", "steps", "scheduling", "bandwidth", "capacity", "events", "coverage"]
    let positions = try order.map { id in try #require(h.range(of: "<section id=\"\(id)\">")).lowerBound }
    #expect(positions == positions.sorted())
    #expect(!h.contains("<section id=\"comparison\">"))
  }

  @Test func chartsArePresentAndFindingsLinkToExistingTargets() {
    let h = Self.html
    let ids = Self.ids(h)
    for chart in [
      "chart-step-time", "chart-tokens-per-step", "chart-throughput", "chart-requests", "chart-kv", "chart-padding",
      "chart-decode-batch", "chart-token-histogram", "chart-mfu",
    ] {
      #expect(ids.contains(chart), "\(chart)")
    }
    var rest = h[...]
    var links = 0
    while let r = rest.range(of: "href=\"#") {
      let tail = rest[r.upperBound...]
      let end = tail.firstIndex(of: "\"") ?? tail.endIndex
      #expect(ids.contains(String(tail[..<end])), "\(tail[..<end])")
      links += 1
      rest = tail[end...]
    }
    #expect(links > 9)
    // The rich fixture queues and fills the KV cache: those findings link to their charts.
    #expect(h.contains("<a href=\"#chart-requests\">Evidence: running and waiting requests</a>"))
    #expect(h.contains("<a href=\"#chart-kv\">"))
  }

  @Test func textIsEscaped() {
    // The fixture's error line: Something failed, badly: "quoted" text
    #expect(Self.html.contains("Something failed, badly: &quot;quoted&quot; text"))
  }

  @Test func sectionsWithoutDataAreLeftOut() {
    let h = HTMLReport.render(
      RunAnalysis.analyze(ReportFixtures.read([ReportFixtures.stats(running: 1, waiting: 0, kv: "1.0")])),
      toolVersion: "1")
    #expect(h.contains("<section id=\"scheduling\">"))
    for absent in ["steps", "cudagraphs", "bandwidth"] { #expect(!h.contains("<section id=\"\(absent)\">")) }
    #expect(!h.contains("chart-step-time"))
  }

  @Test func baselineAddsTheComparison() {
    let a = RunAnalysis.analyze(ReportFixtures.rich)
    let s = RunSummary(a, sampleLimit: 100, seed: 1)
    let c = RunComparison.compare(s, s, settings: BootstrapSettings(resamples: 200))
    let h = HTMLReport.render(a, comparison: c, toolVersion: "1")
    #expect(h.contains("<section id=\"comparison\">"))
    #expect(h.contains("Configuration differences</h3>\n<p>None.</p>"))
    #expect(h.contains("200 resamples, seed 20240513"))
  }

  @Test func compareJSONParses() throws {
    var a = RunSummary(source: "a")
    a.stepTokensPerSecond = 100
    var b = RunSummary(source: "b")
    b.stepTokensPerSecond = 90
    let c = RunComparison.compare(a, b)
    let gate = [try GateRule(parsing: "throughput<-5%").evaluate(c)]
    let text = CompareReport.json(c, toolVersion: "1", gate: gate)
    let o = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(o["schema_version"] as? Int == 1)
    #expect(o["overall"] as? String == "not_tested")
    let metrics = try #require(o["metrics"] as? [[String: Any]])
    #expect(metrics.first?["metric"] as? String == "throughput")
    #expect(metrics.first?["relative_pct"] as? Double == -10)
    let g = try #require((o["gate"] as? [[String: Any]])?.first)
    #expect(g["fired"] as? Bool == true)
    #expect(
      g["message"] as? String == "throughput<-5%: throughput (tokens ÷ step time) 100.0 → 90.00 tok/s (-10.0%)")
  }
}
