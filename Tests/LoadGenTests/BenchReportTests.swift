import Foundation
import LoadGen
import RunJoin
import Testing

@Suite struct BenchReportTests {
  /// Two requests started at 0 and 1 s: A TTFT 0.1 s, 3 tokens, ends 0.5; B TTFT 0.3 s, 2 tokens, ends 1.6.
  func records() -> [RequestRecord] {
    var a = RequestRecord(index: 0, intendedInput: 8, maxTokens: 3, due: 100, eligible: 100, start: 100)
    a.chunkTimes = [100.1, 100.3, 100.5]
    a.chunkTokens = [1, 1, 1]
    a.end = 100.5
    a.promptTokens = 8
    a.completionTokens = 3
    var b = RequestRecord(index: 1, intendedInput: 8, maxTokens: 2, due: 101, eligible: 101, start: 101.002)
    b.chunkTimes = [101.302, 101.602]
    b.chunkTokens = [1, 1]
    b.end = 101.602
    b.promptTokens = 8
    b.completionTokens = 2
    return [a, b]
  }

  @Test func benchJSONReadsBackWithVLLMsFigures() throws {
    var s = LoadSettings()
    s.model = "m"
    s.numPrompts = 2
    s.requestRate = 1
    s.percentileMetrics = ["ttft", "tpot", "itl", "e2el"]
    s.metricPercentiles = [50, 99]
    s.saveDetailed = true
    s.goodput = ["ttft": 200]
    let recs = records()
    // Asked for 1 req/s; started 1.002 s apart (achieved 0.998, lag 2 ms): sound.
    let check = SelfCheck(records: recs, requestedRate: 1, maxConcurrency: nil, cpuSeconds: 0.1, wallSeconds: 1.602)
    let report = BenchReport(settings: s, records: recs, startTime: 100, endTime: 101.602, selfCheck: check)
    let text = report.benchJSON(date: "20260101-000000")
    let r = try BenchResultReader.parse(Array(text.utf8), source: "bench.json")
    // completed 2; duration 1.602; output 5 tokens → 5 / 1.602 tok/s; input 16.
    #expect(r.completed == 2 && r.failed == 0)
    #expect(abs(r.duration! - 1.602) < 1e-9)
    #expect(r.totalOutputTokens == 5 && r.totalInputTokens == 16)
    #expect(abs(r.outputThroughput! - 5 / 1.602) < 1e-9)
    // TTFT: 100 ms and 300 ms → mean 200, median 200 (np.percentile of two values at 50 = midpoint).
    let ttft = r.latencies.first { $0.metric == "ttft" }
    #expect(abs(ttft!.mean! - 200) < 1e-6)
    // TPOT: A (0.5 − 0.1) / 2 = 200 ms, B (0.6 − 0.3) / 1 = 300 ms → mean 250.
    #expect(abs(r.latencies.first { $0.metric == "tpot" }!.mean! - 250) < 1e-6)
    // ITL per chunk: A 200, 200; B 300 → mean 233.33.
    #expect(abs(r.latencies.first { $0.metric == "itl" }!.mean! - 700.0 / 3) < 1e-6)
    #expect(r.ttfts?.count == 2 && r.itls?.count == 3)
    // Goodput ttft ≤ 200 ms: only A → 1 / 1.602 req/s (in the file, not read by the reader).
    let goodput = text.split(separator: "\n").first { $0.contains("\"request_goodput\"") }
    let value = goodput.flatMap {
      Double($0.split(separator: ":")[1].trimmingCharacters(in: .init(charactersIn: " ,")))
    }
    #expect(value.map { abs($0 - 1 / 1.602) < 1e-9 } == true)
    #expect(text.contains("\"verdict\": \"ok\""))
  }

  @Test func theSelfCheckFlagsAStarvedClient() {
    // 100 requests due every 1 ms (1,000 req/s asked), each started 30 ms late and 2 ms apart: the achieved
    // rate is 1 / 0.002 = 500 req/s (< 90 % of 1,000) and the p99 lag is far over 10 ms; CPU 0.95 of a core.
    var recs: [RequestRecord] = []
    for i in 0..<100 {
      let due = Double(i) * 0.001
      let start = 0.03 + Double(i) * 0.002
      var r = RequestRecord(index: i, intendedInput: 1, maxTokens: 1, due: due, eligible: due, start: start)
      r.chunkTimes = [start + 0.01]
      r.chunkTokens = [1]
      r.end = start + 0.01
      r.completionTokens = 1
      recs.append(r)
    }
    let starved = SelfCheck(records: recs, requestedRate: 1000, maxConcurrency: nil, cpuSeconds: 0.2, wallSeconds: 0.21)
    #expect(starved.verdict == "degraded")
    #expect(abs(starved.achievedRate! - 500) < 1e-6)
    #expect(starved.reasons.count == 3)
    // The same requests started on time: ok.
    let sound = recs.map { r -> RequestRecord in
      var r = r
      r.start = r.due
      return r
    }
    let ok = SelfCheck(records: sound, requestedRate: 1000, maxConcurrency: nil, cpuSeconds: 0.02, wallSeconds: 0.11)
    #expect(ok.verdict == "ok")
    #expect(abs(ok.achievedRate! - 1000) < 1e-6)
  }
}
