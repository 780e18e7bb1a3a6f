import ProfileMateCore
import PromMetrics
import RunJoin
import Testing

@Suite struct RunCrossChecksTests {
  private func scrape(generation: Double, running: Double) -> Exposition {
    ExpositionParser.parse(
      """
      # TYPE vllm:generation_tokens_total counter
      vllm:generation_tokens_total{engine="0",model_name="m"} \(generation)
      # TYPE vllm:num_requests_running gauge
      vllm:num_requests_running{engine="0",model_name="m"} \(running)

      """)
  }

  @Test func busyServerAtTheLastScrapeIsNotCompared() throws {
    let e = scrape(generation: 50, running: 3)
    let span = MetricsSpan(first: e, last: e, seconds: 0)
    let checks = RunCrossChecks.evaluate(model: RunModel(source: "x"), metrics: span, benchmark: nil)
    let gen = try #require(checks.first { $0.id == "generation_tokens" })
    #expect(gen.status == .unchecked)
    #expect(gen.note.contains("no iteration lines"))
    #expect(checks.first { $0.id == "requests" }?.status == .unchecked)
  }

  @Test func aLoadGeneratorThatFellBehindIsAFinding() throws {
    var b = BenchmarkResult(source: "bench.json", generator: "vllm bench serve", completed: 101)
    b.requestRate = 10
    b.startTimes = (0...100).map { Double($0) * 0.2 }  // 5 requests/s sent
    let checks = RunCrossChecks.evaluate(model: RunModel(source: "x"), metrics: nil, benchmark: b)
    let rate = try #require(checks.first { $0.id == "request_rate" })
    #expect(rate.status == .disagree)
    #expect(rate.observed.value == 5)
    #expect(rate.tolerance.hasPrefix("±30%"))  // 3 / √100
    let findings = CrossCheckFindings.evaluate(checks, benchmark: b)
    #expect(findings.map(\.id) == ["crosscheck_request_rate"])
  }
}
