import ProfileMateCore
import Testing

/// `compare` on the recorded pair (examples/vllm-cpu-0.32-2048 → -4096): the benchmark's figures side by side
/// and the bootstrap of its per-request values. Expectations come from the examples' bench.json, computed
/// independently in Python (numpy-style linear percentiles, and the bootstrap re-implemented from its
/// description: SplitMix64 seeded with 20240513 + offset × 0x9E3779B97F4A7C15, offsets 101 TTFT and 102 ITL;
/// per resample n draws `(next() * n) >> 64` from A's sorted values then m from B's; 2,000 resamples; the
/// 2.5th and 97.5th percentiles of the differences):
///
///     ok = [e == "" for e in d["errors"]]
///     ttft = [x * 1000 for x, o in zip(d["ttfts"], ok) if o]
///     itl = [g * 1000 for r, o in zip(d["itls"], ok) if o for g in r]
///     # 2048: 24 TTFTs, 724 ITLs; 4096: 24 TTFTs, 612 ITLs
///     # TTFT p50 40.19384250022995 → 45.506488999990324, p99 82.00225080006476 → 233.9426315500577
///     # ITL p99 11.256561779946406 → 39.70003629982328 (the file: 39.70003629982329)
///     # TTFT CI p50 [-24.652934724753095, 35.126582087428936], p99 [27.979439690075537, 168.49379716996737]
///     # ITL  CI p50 [0.17139498709752843, 3.423676437313362], p99 [-42.30624280245959, 40.2853881327851]
@Suite struct BenchmarkComparisonTests {
  static func pair() throws -> RunComparison {
    let settings = BootstrapSettings()
    let a = try RunDirectoryFixture.analyze(RunDirectoryFixture.root + "/examples/vllm-cpu-0.32-2048")
    let b = try RunDirectoryFixture.analyze(RunDirectoryFixture.root + "/examples/vllm-cpu-0.32-4096")
    return RunComparison.compare(
      RunSummary(a, sampleLimit: settings.sampleLimit, seed: settings.seed),
      RunSummary(b, sampleLimit: settings.sampleLimit, seed: settings.seed), settings: settings)
  }

  @Test func benchmarkFiguresSideBySide() throws {
    let c = try Self.pair()
    let p99 = try #require(c.metric("ttft.p99_ms"))
    #expect(p99.a == 82.00225080006476)
    #expect(p99.b == 233.9426315500577)
    // (233.9426315500577 − 82.00225080006476) ÷ 82.00225080006476 × 100 = +185.28806 % (Python)
    #expect(abs((p99.relativePct ?? 0) - 185.28806) < 0.0001)
    #expect(c.metric("ttft.p50_ms")?.a == 40.19384250022995)
    #expect(c.metric("itl.p50_ms")?.b == 1.8896874998972635)
    #expect(c.metric("tpot.p99_ms")?.b == 13.965539530331773)
    #expect(c.metric("e2el.p50_ms")?.a == 79.57918199986125)
    #expect(c.metric("request_throughput")?.a == 3.9505913804268435)
    #expect(c.metric("request_throughput")?.b == 3.8879778922887973)
    #expect(c.metric("failed_requests")?.a == 0)
    // TPOT and E2E have no per-request arrays: compared as points.
    #expect(c.metric("tpot.p50_ms")?.interval == nil)
    #expect(c.metric("e2el.p99_ms")?.verdict == .notTested)
  }

  @Test func bootstrapOfPerRequestValuesMatchesAnIndependentImplementation() throws {
    let c = try Self.pair()
    func close(_ i: ConfidenceInterval?, _ lo: Double, _ hi: Double) -> Bool {
      guard let i else { return false }
      return abs(i.lower - lo) < 1e-9 && abs(i.upper - hi) < 1e-9
    }
    #expect(close(c.metric("ttft.p50_ms")?.interval, -24.652934724753095, 35.126582087428936))
    #expect(close(c.metric("ttft.p99_ms")?.interval, 27.979439690075537, 168.49379716996737))
    #expect(close(c.metric("itl.p50_ms")?.interval, 0.17139498709752843, 3.423676437313362))
    #expect(close(c.metric("itl.p99_ms")?.interval, -42.30624280245959, 40.2853881327851))
    #expect(c.metric("ttft.p50_ms")?.verdict == .noSignificantChange)
    #expect(c.metric("ttft.p99_ms")?.verdict == .worse)
    #expect(c.metric("itl.p50_ms")?.verdict == .worse)
    #expect(c.latencySampleUse.map(\.metric) == ["ttft", "itl"])
    #expect(
      c.latencySampleUse.map { [$0.usedA, $0.seenA, $0.usedB, $0.seenB] } == [[24, 24, 24, 24], [724, 724, 612, 612]])
  }

  @Test func crossChecksOfBothSides() throws {
    let c = try Self.pair()
    #expect(c.crossChecks.map(\.id).first == "generation_tokens")
    #expect(c.crossChecks.first { $0.id == "requests" }.map { [$0.a, $0.b] } == [.agree, .agree])
    #expect(c.crossChecks.allSatisfy { $0.a != nil && $0.b != nil })
  }

  @Test func theSameRunAgainIsNoSignificantChange() throws {
    let settings = BootstrapSettings()
    let a = try RunDirectoryFixture.analyze(RunDirectoryFixture.root + "/examples/vllm-cpu-0.32-2048")
    let s = RunSummary(a, sampleLimit: settings.sampleLimit, seed: settings.seed)
    let c = RunComparison.compare(s, s, settings: settings)
    for name in ["ttft.p50_ms", "ttft.p99_ms", "itl.p50_ms", "itl.p99_ms"] {
      #expect(c.metric(name)?.verdict == .noSignificantChange, "\(name)")
      #expect(c.metric(name)?.interval?.contains(0) == true, "\(name)")
    }
    #expect(c.overall == .noSignificantChange)
  }

  @Test func gateRulesNameBenchmarkMetrics() throws {
    let c = try Self.pair()
    let fired = try GateRule(parsing: "ttft.p99_ms>+10%").evaluate(c)
    #expect(fired.fired)
    #expect(fired.message == "ttft.p99_ms>+10%: TTFT p99 82.00 → 233.9 ms (+185.3%)")
    #expect(try GateRule(parsing: "ttft.p99_ms>+200%").evaluate(c).fired == false)
    // 1.8896874998972635 − 0.004246500111548812 = +1.885 ms: an absolute rule.
    #expect(try GateRule(parsing: "itl.p50_ms>+1.8").evaluate(c).fired)
    #expect(try GateRule(parsing: "itl.p50_ms>+1.9").evaluate(c).fired == false)
    #expect(try GateRule(parsing: "request_throughput<-1%").evaluate(c).fired)  // −1.58 %
    #expect(throws: GateRuleError.self) { try GateRule(parsing: "ttft.p95_ms>+1%") }
  }

  @Test func samplesBeyondTheLimitAreUniformAndSeeded() {
    var r = BenchmarkResult(source: "b.json", generator: "vllm bench serve", completed: 3)
    r.itls = (0..<100).map { Double($0) / 1000 }
    let x = BenchmarkFigures(r, sampleLimit: 10, seed: 7)
    let y = BenchmarkFigures(r, sampleLimit: 10, seed: 7)
    #expect(x == y)
    #expect(x.samples["itl"]?.ms.count == 10)
    #expect(x.samples["itl"]?.seen == 100)
    #expect(x.samples["itl"]?.ms == x.samples["itl"]?.ms.sorted())
    #expect(x.samples["ttft"] == nil)
  }
}
