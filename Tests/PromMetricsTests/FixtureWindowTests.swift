import ProfileMateCore
import Testing

@testable import PromMetrics

/// Windows between two run1 scrapes, timed by index.tsv's epoch_ms. Expected figures from the Python of
/// FixtureSnapshotTests applied to the bucket differences (after − before) of the two files.
@Suite struct FixtureWindowTests {
  @Test func earlyWindowHasNoFinishedRequests() throws {
    // snap-010 (1795927958366 ms) → snap-020 (1795927981887 ms): 23.521 s.
    let w = try Fixtures.window(Fixtures.run1, "010", "020")
    #expect(close(w.seconds, 23.521))
    #expect(w.engines.count == 1 && w.newEngines.isEmpty)
    let s = try #require(w.engines.first)
    #expect(s.promptTokens == 4484 && s.generationTokens == 632)  // 4546 − 62, 776 − 144
    #expect(close(s.rates?.promptTokensPerSecond, 4484 / 23.521))
    #expect(close(s.rates?.generationTokensPerSecond, 632 / 23.521))
    #expect(s.requestsFinished == 0 && s.rates?.requestsPerSecond == 0)
    #expect(s.running?.value == 35)
    #expect(s.resetCounters.isEmpty)
    // No request finished in the window: e2e has no observations, so mean and quantiles are null.
    let e2e = try #require(s.latency(.e2e))
    #expect(e2e.count == 0 && e2e.mean == nil && e2e.p50 == nil && e2e.p99 == nil)
    // 35 first tokens in the window.
    let ttft = try #require(s.latency(.ttft))
    #expect(ttft.count == 35)
    #expect(close(ttft.mean, 28.907402992248535 / 35))
    #expect(close(ttft.p50, 0.575) && close(ttft.p90, 1.975) && close(ttft.p99, 2.4475))
    #expect(close(s.batchSizes?.p50, 24.470588235294116))
    #expect(s.batchSizes?.steps == 44)
    // MFU: 34818793472 FLOPs and 747515008 + 146281600 bytes over 23.521 s.
    #expect(close(s.rates?.teraflopsPerGPU, 34_818_793_472 / 23.521 / 1e12))
    #expect(close(s.rates?.gigabytesPerSecondPerGPU, (747_515_008.0 + 146_281_600) / 23.521 / 1e9))
  }

  @Test func loadedWindowQueuesAndFinishes() throws {
    // snap-020 → snap-030: 26.505 s.
    let w = try Fixtures.window(Fixtures.run1, "020", "030")
    #expect(close(w.seconds, 26.505))
    let s = try #require(w.engines.first)
    #expect(s.waiting?.value == 59 && s.waitingByReason["capacity"] == 59 && s.running?.value == 125)
    #expect(s.promptTokens == 13575 && s.prefixCacheHits == 256)
    #expect(close(s.prefixCacheHitRatePct, 256.0 / 13575 * 100))
    #expect(s.requestSuccess["length"] == 16)
    #expect(close(s.rates?.requestsPerSecond, 16 / 26.505))
    let e2e = try #require(s.latency(.e2e))
    #expect(e2e.count == 16 && close(e2e.mean, 463.94198751449585 / 16))
    #expect(close(e2e.p50, 26.666666666666668) && close(e2e.p90, 36.0) && close(e2e.p99, 39.6))
    // All 16 queue times fell in (0, 0.3]: PromQL interpolates p50 to 0.15 s although the mean is 28 µs.
    let queue = try #require(s.latency(.queue))
    #expect(close(queue.p50, 0.15) && close(queue.mean, 0.0004405059996770433 / 16))
    #expect(close(s.latency(.prefill)?.mean, 5.781569231000049 / 16))
    #expect(close(s.latency(.decode)?.p90, 34.66666666666667))
    #expect(close(s.batchSizes?.p90, 1536))
    let findings = w.findings()
    // Decode 28.47 s vs prefill 0.36 s mean (78.8×); 59 waiting; hit rate 1.9 % of 13,575 tokens.
    #expect(findings.map(\.id) == ["queueing", "decode_bottleneck", "low_prefix_cache_hits"])
    #expect(findings[0].severity == .info)
    #expect(findings[2].evidence[0].text.contains("window"))
  }
}
