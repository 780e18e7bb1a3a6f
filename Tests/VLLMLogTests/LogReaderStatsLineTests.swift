import ProfileMateCore
import Testing
import VLLMLog

/// Every stats-line variant of spec §1.
@Suite struct LogReaderStatsLineTests {
  @Test func v0LineWithSwappedPendingAndTrailingPeriod() throws {
    let m = Snippet.read([
      Snippet.v0
        + "Avg prompt throughput: 1.5 tokens/s, Avg generation throughput: 22.5 tokens/s, Running: 4 reqs, "
        + "Swapped: 1 reqs, Pending: 7 reqs, GPU KV cache usage: 12.5%, CPU KV cache usage: 3.0%."
    ])
    let s = try #require(Snippet.allStats(m).first)
    #expect(s.promptThroughput == 1.5 && s.generationThroughput == 22.5)
    #expect(s.running == 4 && s.swapped == 1 && s.waiting == 7)
    #expect(s.kvUsagePct == 12.5 && s.cpuKVUsagePct == 3.0)
    #expect(s.deferred == nil && s.preemptions == 0)
  }

  @Test func v0SeparatePrefixHitRateLineJoinsTheLastSample() throws {
    let m = Snippet.read([
      Snippet.v0
        + "Avg prompt throughput: 0.0 tokens/s, Avg generation throughput: 1.0 tokens/s, Running: 1 reqs, "
        + "Swapped: 0 reqs, Pending: 0 reqs, GPU KV cache usage: 1.0%, CPU KV cache usage: 0.0%.",
      "INFO 05-13 10:01:02 metrics.py:367] Prefix cache hit rate: GPU: 35.50%, CPU: 0.00%",
    ])
    #expect(Snippet.allStats(m).map(\.prefixCacheHitRatePct) == [35.5])
    #expect(m.coverage.recognized == 2)
  }

  @Test func v070RunningAndWaitingOnly() throws {
    let m = Snippet.read([Snippet.v0 + "Running: 2 reqs, Waiting: 3 reqs "])
    let s = try #require(Snippet.allStats(m).first)
    #expect(s.running == 2 && s.waiting == 3)
    #expect(s.promptThroughput == 0 && s.kvUsagePct == nil)
  }

  @Test func v071NoCommaBeforeKVUsage() throws {
    let m = Snippet.read([
      Snippet.v1
        + "Avg prompt throughput: 0.0 tokens/s, Avg generation throughput: 5.0 tokens/s, Running: 2 reqs, "
        + "Waiting: 0 reqs GPU KV cache usage: 1.5%."
    ])
    let s = try #require(Snippet.allStats(m).first)
    #expect(s.running == 2 && s.waiting == 0 && s.kvUsagePct == 1.5)
  }

  @Test func v073WithoutAndV083WithEnginePrefix() {
    let m = Snippet.read([
      Snippet.v1 + Snippet.stats(running: 1, kv: "2.0"),
      Snippet.v1 + "Engine 000: " + Snippet.stats(running: 2, kv: "3.0"),
    ])
    #expect(m.engines.map(\.index) == [0])
    #expect(Snippet.allStats(m).map(\.running) == [1, 2])
    #expect(Snippet.allStats(m).map(\.kvUsagePct) == [2.0, 3.0])
    #expect(Snippet.allStats(m).map(\.prefixCacheHitRatePct) == [0.0, 0.0])
  }

  @Test func composableLineWithEveryOptionalPart() throws {
    let m = Snippet.read([
      Snippet.v1
        + "Engine 001: Avg prompt throughput: 0.0 tokens/s, Avg generation throughput: 812.4 tokens/s, "
        + "Running: 64 reqs, Waiting: 12 reqs, Deferred: 2 reqs, "
        + "KV fetch: 1 waiting to start, 2 in progress, 3 completed waiting, Preemptions: 5, "
        + "GPU KV cache usage: 97.9%, Prefix cache hit rate: 41.7%, Corrupted: 1 reqs, "
        + "External prefix cache hit rate: 12.5%, MM cache hit rate: 50.0%"
    ])
    #expect(m.engines.map(\.index) == [1])
    let s = try #require(m.engine(1)?.stats.first)
    #expect(s.generationThroughput == 812.4)
    #expect(s.running == 64 && s.waiting == 12 && s.deferred == 2)
    #expect(s.kvFetch == [1, 2, 3])
    #expect(s.preemptions == 5)
    #expect(s.kvUsagePct == 97.9)
    #expect(s.prefixCacheHitRatePct == 41.7)
    #expect(s.externalPrefixCacheHitRatePct == 12.5)
  }

  @Test(arguments: ["GPU", "CPU", "XPU"])
  func deviceWordOfKVUsage(device: String) throws {
    let m = Snippet.read([
      Snippet.v1
        + "Engine 000: Avg prompt throughput: 0.0 tokens/s, Avg generation throughput: 1.0 tokens/s, "
        + "Running: 1 reqs, Waiting: 0 reqs, \(device) KV cache usage: 3.5%"
    ])
    #expect(try #require(Snippet.allStats(m).first).kvUsagePct == 3.5)
  }

  @Test func unknownFuturePartIsSkipped() throws {
    let m = Snippet.read([
      Snippet.v1
        + "Engine 000: Avg prompt throughput: 0.0 tokens/s, Avg generation throughput: 1.0 tokens/s, "
        + "Running: 1 reqs, Waiting: 0 reqs, Future thing: 7 widgets, GPU KV cache usage: 4.0%"
    ])
    let s = try #require(Snippet.allStats(m).first)
    #expect(s.kvUsagePct == 4.0 && s.running == 1)
  }

  @Test func aggregatedLineIsKeptApartFromEngines() throws {
    let m = Snippet.read([
      Snippet.v1 + "2 Engines Aggregated: " + Snippet.stats(running: 10, waiting: 4, kv: "30.0")
    ])
    #expect(m.engines.isEmpty)
    let s = try #require(m.aggregatedStats.first)
    #expect(s.running == 10 && s.waiting == 4 && s.kvUsagePct == 30.0)
    #expect(m.coverage.byKind["aggregated_stats"] == 1)
    let a = RunAnalysis.analyze(m)
    #expect(a.scheduler?.samples == 1)
    #expect(a.scheduler?.maxRunning?.value == 10)
  }

  @Test func preemptionsSumAcrossLinesAndEngines() throws {
    let line = { (engine: String, p: Int) in
      Snippet.v1 + "Engine \(engine): Avg prompt throughput: 0.0 tokens/s, Avg generation throughput: 9.0 tokens/s, "
        + "Running: 8 reqs, Waiting: 2 reqs, Preemptions: \(p), GPU KV cache usage: 99.0%, Prefix cache hit rate: 0.0%"
    }
    let m = Snippet.read([Snippet.v1 + "Engine 000: " + Snippet.stats(), line("000", 5), line("001", 3)])
    let sched = try #require(RunAnalysis.analyze(m).scheduler)
    #expect(sched.preemptions == 8)
    #expect(sched.firstPreemptionLine == 2)
    #expect(sched.samples == 3)
  }

  @Test func truncatedStatsLineWithoutRunningIsNotASample() {
    let m = Snippet.read([Snippet.v1 + "Engine 000: Avg prompt throughput: 1.0 tokens/s, Avg gener"])
    #expect(Snippet.allStats(m).isEmpty)
    #expect(m.coverage.unrecognized == 1)
  }

  @Test func schedulerFiguresFromSeveralSamples() throws {
    // mean prompt (10 + 30) / 2 = 20; waiting in 1 of 2 samples = 50 %; queue pressure mean(0/3, 6/3) = 1.
    let m = Snippet.read([
      Snippet.v1 + "Engine 000: " + Snippet.stats(prompt: "10.0", running: 3, waiting: 0, kv: "20.0"),
      Snippet.v1 + "Engine 000: " + Snippet.stats(prompt: "30.0", running: 3, waiting: 6, kv: "60.0"),
    ])
    let s = try #require(RunAnalysis.analyze(m).scheduler)
    #expect(s.meanPromptThroughput == 20)
    #expect(s.waitingSharePct == 50)
    #expect(s.meanQueuePressure == 1)
    #expect(s.meanKVUsagePct == 40)
    #expect(s.maxKVUsagePct == Sourced(60.0, line: 2))
    #expect(s.maxWaiting == Sourced(6, line: 2))
  }

  @Test func noPreemptionPartMeansZeroOnlyWhereVLLMPrintsIt() throws {
    // `Preemptions: N` exists from v0.11.1 and is printed only when N ≥ 1: its absence is 0 there,
    // and unknown when the version is unknown or older.
    let stats = Snippet.v1 + "Engine 000: " + Snippet.stats()
    let new = Snippet.read(["INFO 05-13 10:00:00 [api_server.py:1] vLLM API server version 0.15.0", stats])
    #expect(try #require(RunAnalysis.analyze(new).scheduler).preemptions == 0)
    let unknown = Snippet.read([stats])
    #expect(try #require(RunAnalysis.analyze(unknown).scheduler).preemptions == nil)
  }
}
