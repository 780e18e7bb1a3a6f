import Foundation
import ProfileMateCore
import PromMetrics
import Testing

@testable import Render

/// The HTML report of a run directory: the benchmark section, the server's latency histograms and the
/// cross-checks, with findings linking to the row that is their evidence.
@Suite struct HTMLRunDirectoryTests {
  static func analysis() -> RunAnalysis {
    var model = ReportFixtures.rich
    var b = BenchmarkResult(source: "bench.json", generator: "vllm bench serve", completed: 4)
    b.failed = 0
    b.requestRate = 2
    // TTFTs 10, 20, 30, 240 ms: 24 bins of 10 ms over 0–240 → bins 1, 2, 3 and the last hold one each.
    b.ttfts = [0.010, 0.020, 0.030, 0.240]
    b.itls = [0.001, 0.002]
    b.latencies = [
      .init(metric: "ttft", mean: 75, median: 25, std: 95.4, percentiles: [(50, 25), (99, 233.7)]),
      .init(metric: "itl", mean: 1.5, median: 0.0042, std: 0.5, percentiles: [(50, 0.0042), (99, 1.99)]),
    ]
    model.benchmark = b
    var a = RunAnalysis.analyze(model)
    a.crossChecks = [
      CrossCheck(
        id: "ttft_p99", title: "TTFT p99: benchmark vs server histogram", status: .disagree, unit: "s",
        expected: .init("benchmark p99", 0.2337), observed: .init("vllm:time_to_first_token_seconds", 0.05),
        tolerance: "within the bucket ±10%", note: "a slow client"),
      CrossCheck(
        id: "requests", title: "Requests", status: .agree, unit: "requests", expected: .init("benchmark", 4),
        observed: .init("server", 5), tolerance: "0 or 1 more", note: "the test request"),
    ]
    a.findings.insert(
      Finding(
        id: "crosscheck_ttft_p99", severity: .warning, title: "Sources disagree: TTFT p99",
        evidence: [Evidence("benchmark p99 = 0.2337 s")], recommendation: "Look outside the engine."), at: 0)
    return a
  }

  static let server = ServerLatencyHistograms(
    ttft: Histogram(
      buckets: [
        .init(upperBound: 0.01, count: 1), .init(upperBound: 0.05, count: 4), .init(upperBound: 0.1, count: 4),
        .init(upperBound: .infinity, count: 4),
      ]),
    itl: nil, seconds: 30)

  @Test func benchmarkSectionHasTheLatencyTableAndCharts() {
    let html = HTMLReport.render(Self.analysis(), server: Self.server, toolVersion: "9.9.9")
    let ids = HTMLReportTests.ids(html)
    #expect(
      ids.isSuperset(of: ["benchmark", "crosschecks", "chart-bench-ttft", "chart-bench-itl", "chart-server-ttft"]))
    #expect(!ids.contains("chart-server-itl"))  // the recording has no ITL histogram here
    #expect(
      html.contains("<tr><td>TTFT</td><td>75.00</td><td>25.00</td><td>95.40</td><td>25.00</td><td>233.70</td></tr>"))
    #expect(html.contains("<td>0.0042</td>"))  // a 4 µs median keeps its digits
    #expect(html.contains("bins of 10.00 ms"))
  }

  @Test func perRequestHistogramCountsByHand() {
    // 10, 20, 30, 240 ms in 24 bins of 10 ms: [10, 20) holds 10, [20, 30) 20, [30, 40) 30, the last bin 240.
    let html = HTMLReport.requestHistogram(
      id: "x", title: "t", ms: [10, 20, 30, 240], what: "requests", cssClass: "s1")
    #expect(html.contains("<title>10.00–20.00 ms: 1 requests</title>"))
    #expect(html.contains("<title>20.00–30.00 ms: 1 requests</title>"))
    #expect(html.contains("<title>230.0–240.0 ms: 1 requests</title>"))
    #expect(html.contains("<title>0–10.00 ms: 0 requests</title>"))
  }

  @Test func serverBucketsAreDifferencedAndTrimmed() {
    // Cumulative 1, 4, 4, 4: one in ≤10 ms, three in 10–50 ms, none beyond (trimmed).
    let bars = ServerLatencyHistograms.bars(Self.server.ttft!)
    #expect(bars.map(\.label) == ["≤10", "≤50"])
    #expect(bars.map(\.value) == [1, 3])
    #expect(bars[1].hover == "10–50 ms: 3 observations")
  }

  @Test func crossChecksTableAndFindingLinks() {
    let html = HTMLReport.render(Self.analysis(), server: Self.server, toolVersion: "9.9.9")
    #expect(html.contains("1 agree, 1 disagree, 0 unchecked"))
    #expect(html.contains("<tr id=\"check-ttft_p99\">"))
    #expect(html.contains("<td class=\"st-disagree\">disagree</td>"))
    #expect(html.contains("<b>-0.1837 s</b>"))  // 0.05 − 0.2337
    #expect(html.contains("<a href=\"#check-ttft_p99\">Evidence: cross-check ttft_p99</a>"))
  }
}
