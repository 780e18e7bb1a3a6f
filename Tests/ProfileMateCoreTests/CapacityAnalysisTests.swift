import Testing

@testable import ProfileMateCore

@Suite struct CapacityAnalysisTests {
  private func scheduler(kv: [Double?], running: [Int] = []) -> SchedulerAnalysis? {
    let samples = kv.enumerated().map { i, usage in
      var s = StatsSample(
        time: nil, line: 10 + i, promptThroughput: 0, generationThroughput: 0,
        running: i < running.count ? running[i] : 1, waiting: 0)
      s.kvUsagePct = usage
      return s
    }
    return SchedulerAnalysis.analyze(samples)
  }

  @Test func nothingKnownIsNil() {
    #expect(CapacityAnalysis.analyze(config: EngineConfig(), scheduler: nil, steps: []) == nil)
    #expect(CapacityAnalysis.analyze(config: EngineConfig(), scheduler: scheduler(kv: [nil]), steps: []) == nil)
  }

  @Test func concurrencyComputedFromCapacityWhenNotLogged() throws {
    var c = EngineConfig()
    c.kvCacheTokens = Sourced(100_000, line: 3)
    c.maxModelLen = Sourced(4096, line: 2)
    let a = try #require(CapacityAnalysis.analyze(config: c, scheduler: nil, steps: []))
    // 100000 / 4096 = 24.4140625
    #expect(a.maxConcurrency == 24.4140625)
    #expect(!a.maxConcurrencyLogged)
    #expect(a.peakKVUsagePct == nil && a.peakKVTokens == nil && a.maxRunning == nil)
  }

  @Test func loggedConcurrencyWins() throws {
    var c = EngineConfig()
    c.kvCacheTokens = Sourced(1_234_560, line: 3)
    c.maxModelLen = Sourced(32_768, line: 2)
    c.maxConcurrency = Sourced(37.68, line: 3)
    let a = try #require(CapacityAnalysis.analyze(config: c, scheduler: nil, steps: []))
    #expect(a.maxConcurrency == 37.68)
    #expect(a.maxConcurrencyLogged)
  }

  @Test func zeroMaxModelLenDoesNotDivide() throws {
    var c = EngineConfig()
    c.kvCacheTokens = Sourced(1000, line: 1)
    c.maxModelLen = Sourced(0, line: 1)
    let a = try #require(CapacityAnalysis.analyze(config: c, scheduler: nil, steps: []))
    #expect(a.maxConcurrency == nil)
  }

  @Test func peakTakesTheHigherOfStatsAndIterationLines() throws {
    var c = EngineConfig()
    c.kvCacheTokens = Sourced(100_000, line: 1)
    var trace = EngineTrace(index: 0)
    trace.maxStepKVUsagePct = Sourced(60.0, line: 99)
    let sched = scheduler(kv: [20, 50], running: [3, 7])
    let a = try #require(CapacityAnalysis.analyze(config: c, scheduler: sched, steps: [trace]))
    #expect(a.peakKVUsagePct == Sourced(60.0, line: 99))
    // 100000 × 60 % = 60000 tokens
    #expect(a.peakKVTokens == 60_000)
    #expect(a.maxRunning == 7)
    trace.maxStepKVUsagePct = Sourced(40.0, line: 99)
    let b = try #require(CapacityAnalysis.analyze(config: c, scheduler: sched, steps: [trace]))
    #expect(b.peakKVUsagePct == Sourced(50.0, line: 11))
    #expect(b.peakKVTokens == 50_000)
  }

  @Test func peakTokensRoundToNearest() throws {
    var c = EngineConfig()
    c.kvCacheTokens = Sourced(1001, line: 1)
    let a = try #require(CapacityAnalysis.analyze(config: c, scheduler: scheduler(kv: [12.5]), steps: []))
    // 1001 × 0.125 = 125.125 → 125
    #expect(a.peakKVTokens == 125)
  }
}
