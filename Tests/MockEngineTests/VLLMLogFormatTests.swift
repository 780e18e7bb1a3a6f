import MockEngine
import Testing

@Suite struct VLLMLogFormatTests {
  @Test func timestampsAreUTCMonthDayTime() {
    // python3 -c "import datetime;print(datetime.datetime.utcfromtimestamp(1764391942).strftime('%m-%d %H:%M:%S'))"
    // → 11-29 04:52:22
    #expect(VLLMLogFormat.timestamp(1_764_391_942) == "11-29 04:52:22")
    // 951782400 = 2000-02-29 00:00:00 UTC (a leap day).
    #expect(VLLMLogFormat.timestamp(951_782_400.7) == "02-29 00:00:00")
  }

  @Test func fixedMatchesPrintfForNonTies() {
    // '%.1f' % 12.34 → 12.3, '%.2f' % 0.456 → 0.46, '%.1f' % 0.04 → 0.0, '%.1f' % -1.26 → -1.3
    #expect(VLLMLogFormat.fixed(12.34, 1) == "12.3")
    #expect(VLLMLogFormat.fixed(0.456, 2) == "0.46")
    #expect(VLLMLogFormat.fixed(0.04, 1) == "0.0")
    #expect(VLLMLogFormat.fixed(-1.26, 1) == "-1.3")
    #expect(VLLMLogFormat.fixed(7, 0) == "7")
  }

  @Test func statsAndIterationLinesHaveVLLMsWording() {
    // '%.1f' % 55.54 → 55.5; '%.1f' % 12.3 → 12.3
    let stats = VLLMLogFormat.stats(
      promptThroughput: 100, generationThroughput: 55.54, running: 3, waiting: 0, preemptions: 2, kvUsage: 0.123)
    #expect(
      stats
        == "Engine 000: Avg prompt throughput: 100.0 tokens/s, Avg generation throughput: 55.5 tokens/s, "
        + "Running: 3 reqs, Waiting: 0 reqs, Preemptions: 2, GPU KV cache usage: 12.3%")
    let step = ScheduledStep(
      entries: [.init(id: "a", tokens: 7, isContext: true), .init(id: "b", tokens: 1, isContext: false)], preempted: [])
    #expect(
      VLLMLogFormat.iteration(4, step, elapsedMs: 12.345, kvUsage: 0.5)
        .hasPrefix(
          "Engine 000: Iteration(4): 1 context requests, 7 context tokens, 1 generation requests, 1 generation tokens, iteration elapsed time: 12.3"
        ))
  }
}
