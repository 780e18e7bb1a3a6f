import ProfileMateCore
import Testing

@testable import PromMetrics

/// Figures worked independently from the fixture text, with this Python (a plain regex reader and
/// PromQL's bucket rule; not ProfileMate's code):
///
///     def q(phi, b):                       # b = sorted [(le, cumulative count)], +Inf last
///         obs = b[-1][1]; rank = phi * obs
///         for i, (ub, c) in enumerate(b[:-1]):
///             if c >= rank:
///                 lo, below = (0.0, 0.0) if i == 0 else b[i - 1]
///                 return lo + (ub - lo) * (rank - below) / (c - below)
///         return b[-2][0]
///
/// and checked by hand where noted.
@Suite struct FixtureSnapshotTests {
  @Test func run1AfterLoadSnapshot() throws {
    let e = try Fixtures.parse(Fixtures.run1 + "/metrics-after-load.prom")
    #expect(e.issues.isEmpty)
    #expect(e.lineCount == 661)
    let a = SnapshotAnalysis(e)
    #expect(a.engines.count == 1)
    let s = try #require(a.engines.first)
    #expect(s.model == "tiny-llama" && s.engine == "0" && s.windowSeconds == nil)
    #expect(s.running?.value == 0 && s.waiting?.value == 0 && s.kvCacheUsagePct == 0)
    #expect(s.waitingByReason == ["capacity": 0, "deferred": 0])
    #expect(s.promptTokens == 25675 && s.generationTokens == 12944 && s.preemptions == 0)
    #expect(s.prefixCacheQueries == 25675 && s.prefixCacheHits == 384)
    #expect(close(s.prefixCacheHitRatePct, 384.0 / 25675 * 100))  // 1.4956 %
    #expect(s.requestSuccess["length"] == 206 && s.requestSuccess["stop"] == 0 && s.requestsFinished == 206)

    // TTFT: 206 requests, sum 1808.5039958953857.
    // p50 by hand: rank 103 → le 5.0 (127), below le 2.5 (61): 2.5 + 2.5 × 42/66 = 4.0909…
    // p90 by hand: rank 185.4 → le 40 (206), below le 20 (159): 20 + 20 × 26.4/47 = 31.234…
    let ttft = try #require(s.latency(.ttft))
    #expect(ttft.name == "vllm:time_to_first_token_seconds")
    #expect(ttft.count == 206)
    #expect(close(ttft.mean, 1808.5039958953857 / 206))
    #expect(close(ttft.p50, 4.090909090909091))
    #expect(close(ttft.p90, 31.234042553191493))
    #expect(close(ttft.p99, 39.123404255319144))
    // Queue time p50 by hand: rank 103 ≤ 117 in the first bucket (0, 0.3]: 0.3 × 103/117.
    let queue = try #require(s.latency(.queue))
    #expect(close(queue.p50, 0.3 * 103 / 117))
    #expect(close(queue.p90, 25.095238095238095))
    #expect(close(queue.mean, 1364.894857490004 / 206))
    #expect(close(s.latency(.interToken)?.p50, 0.2648888888888889))
    #expect(s.latency(.interToken)?.count == 12738)
    #expect(close(s.latency(.tpot)?.p99, 0.7435625))
    #expect(close(s.latency(.e2e)?.p90, 38.90425531914894))
    #expect(close(s.latency(.prefill)?.mean, 308.4909732219985 / 206))
    #expect(close(s.latency(.decode)?.p50, 31.043478260869566))
    #expect(close(s.latency(.inference)?.p99, 39.82086956521739))
    #expect(s.latencies.map(\.kind) == LatencyKind.allCases)

    // Batch sizes: 295 steps, 38235 tokens. p50 by hand: rank 147.5 → le 32 (153), below le 16 (132):
    // 16 + 16 × 15.5/21 = 27.8095…
    let batch = try #require(s.batchSizes)
    #expect(batch.steps == 295 && batch.tokens == 38235)
    #expect(close(batch.p50, 27.80952380952381))
    #expect(close(batch.p90, 276.2105263157895))
    #expect(batch.buckets.first == .init(lower: 0, upper: 1, steps: 105))
    #expect(batch.buckets[1] == .init(lower: 1, upper: 8, steps: 25))
    #expect(batch.buckets.reduce(0) { $0 + $1.steps } == 295)

    #expect(s.mfu == .init(flops: 2.96331595776e+11, readBytes: 8.144381568e+09, writeBytes: 1.22949184e+09))
    let c = try #require(s.cacheConfig)
    #expect(c.blockSize == 128 && c.numGPUBlocks == 8192 && c.kvCapacityTokens == 1_048_576)
    #expect(c.gpuMemoryUtilization == 0.92 && c.prefixCachingEnabled == true && c.numCPUBlocks == nil)
  }

  @Test func run1AfterLoadFindings() throws {
    let a = SnapshotAnalysis(try Fixtures.parse(Fixtures.run1 + "/metrics-after-load.prom"))
    let ids = a.findings().map(\.id)
    // Decode mean 5281.051326899995/206 = 25.636 s vs prefill mean 308.4909732219985/206 = 1.4975 s: 17.1×.
    // Prefix hits 1.5 % of 25,675 queried tokens. Nothing waits; queue share 6.63/34.41 = 19.3 % < 20 %.
    #expect(ids == ["decode_bottleneck", "low_prefix_cache_hits"])
    let decode = try #require(a.findings().first)
    #expect(decode.title.contains("17.1×"))
    #expect(decode.evidence.allSatisfy { !$0.lines.isEmpty })
    var t = MetricsFindingThresholds()
    t.phaseRatio = 20
    t.queueTimeSharePct = 19
    #expect(a.findings(t).map(\.id) == ["queueing", "low_prefix_cache_hits"])
  }

  @Test func v0CacheConfigInfoWithoutModelOrEngine() throws {
    let e = try Fixtures.parse(Fixtures.v0CacheConfig)
    #expect(e.issues.isEmpty && e.families.count == 1)
    let snaps = VLLMMetrics.snapshots(e)
    #expect(snaps.count == 1)
    let s = try #require(snaps.first)
    #expect(s.model == nil && s.engine == nil)
    let c = try #require(s.cacheConfig)
    #expect(c.blockSize == 16 && c.numGPUBlocks == 2664 && c.numCPUBlocks == 327)
    #expect(c.kvCapacityTokens == 42624)  // 2664 × 16
    #expect(c.gpuMemoryUtilization == 0.9 && c.prefixCachingEnabled == false && c.cacheDtype == "auto")
    #expect(c.line == 3)
    #expect(SnapshotAnalysis(e).findings().isEmpty)
  }

  @Test func everyRun3ScrapeParsesCleanly() throws {
    let idx = try Fixtures.index(Fixtures.run3)
    #expect(idx.count == 44)
    for (_, entry) in idx {
      let e = try Fixtures.parse(Fixtures.run3 + "/metrics/" + entry.file)
      #expect(e.issues.isEmpty)
      #expect(VLLMMetrics.snapshots(e).count == 1)
    }
  }
}
