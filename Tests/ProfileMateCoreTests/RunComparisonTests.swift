import Testing

@testable import ProfileMateCore

@Suite struct RunComparisonTests {
  /// A: decode p50 10 ms, p99 20 ms, 1000 tok/s; B: p50 10.6, p99 21.2 (+6 %), 960 tok/s (−4 %).
  static func pair() -> (RunSummary, RunSummary) {
    var a = RunSummary(source: "a.log")
    a.config = ["max_model_len": "2048", "model": "m", "args.enforce_eager": "True"]
    a.kinds[.decode] = RunSummary.KindFigures(steps: 100, p50Ms: 10, p99Ms: 20, meanMs: 11)
    a.stepTokensPerSecond = 1000
    a.preemptions = 0
    var b = RunSummary(source: "b.log")
    b.config = ["max_model_len": "4096", "model": "m"]
    b.kinds[.decode] = RunSummary.KindFigures(steps: 120, p50Ms: 10.6, p99Ms: 21.2, meanMs: 11.5)
    b.stepTokensPerSecond = 960
    b.preemptions = 3
    return (a, b)
  }

  @Test func configDifferencesComeSortedWithMissingSides() {
    let (a, b) = Self.pair()
    let c = RunComparison.compare(a, b)
    #expect(
      c.configDifferences == [
        RunComparison.ConfigDifference(key: "args.enforce_eager", a: "True", b: nil),
        RunComparison.ConfigDifference(key: "max_model_len", a: "2048", b: "4096"),
      ])
  }

  @Test func figuresSideBySide() throws {
    let (a, b) = Self.pair()
    let c = RunComparison.compare(a, b)
    #expect(c.throughputSource == "step_time")
    let t = try #require(c.metric("throughput"))
    #expect(t.difference == -40)
    #expect(abs((t.relativePct ?? 0) + 4) < 1e-9)
    let p99 = try #require(c.metric("decode.p99_ms"))
    #expect(abs((p99.relativePct ?? 0) - 6) < 1e-9)
    // No samples (as from saved reports): no interval, no verdict.
    #expect(p99.verdict == .notTested)
    #expect(c.overall == .notTested)
    #expect(c.metric("preemptions")?.difference == 3)
    #expect(c.metric("prefill.p50_ms") == nil)
  }

  @Test func samplesGiveIntervalsAndVerdicts() throws {
    var (a, b) = Self.pair()
    a.samples[.decode] = StepSample(centiMs: [UInt32](repeating: 1000, count: 20))
    b.samples[.decode] = StepSample(centiMs: [UInt32](repeating: 1060, count: 20))
    let c = RunComparison.compare(a, b, settings: BootstrapSettings(resamples: 100))
    let p50 = try #require(c.metric("decode.p50_ms"))
    // Constant samples: every resample differs by 0.6 ms.
    #expect(p50.interval == ConfidenceInterval(lower: 0.6, upper: 0.6))
    #expect(p50.verdict == .worse)
    #expect(c.overall == .worse)
    #expect(c.sampleUse.map(\.kind) == [.decode])
  }

  @Test func tooFewStepsGiveNoInterval() {
    var (a, b) = Self.pair()
    a.samples[.decode] = StepSample(centiMs: [1, 2, 3, 4])
    b.samples[.decode] = StepSample(centiMs: [1, 2, 3, 4, 5])
    #expect(RunComparison.compare(a, b).metric("decode.p50_ms")?.interval == nil)
  }

  @Test func gateRulesParse() throws {
    let r = try GateRule(parsing: "decode.p99_ms>+5%")
    #expect(r == GateRule(metric: "decode.p99_ms", firesAbove: true, threshold: 5, relative: true))
    #expect(r.description == "decode.p99_ms>+5%")
    let t = try GateRule(parsing: "throughput < -3%")
    #expect(t == GateRule(metric: "throughput", firesAbove: false, threshold: -3, relative: true))
    let abs = try GateRule(parsing: "preemptions>0")
    #expect(abs.relative == false && abs.threshold == 0)
    for bad in ["decode.p99_ms=5%", "latency>5%", "decode.p99_ms>five%", "decode.p99_ms>", "throughput<-3%%"] {
      #expect(throws: GateRuleError.self) { try GateRule(parsing: bad) }
    }
  }

  @Test func gateRulesFireOnThePointChange() throws {
    let (a, b) = Self.pair()
    let c = RunComparison.compare(a, b)
    func fired(_ rule: String) throws -> Bool { try GateRule(parsing: rule).evaluate(c).fired }
    #expect(try fired("decode.p99_ms>+5%"))  // +6 % > 5 %
    #expect(try !fired("decode.p99_ms>+7%"))
    #expect(try fired("throughput<-3%"))  // −4 % < −3 %
    #expect(try !fired("throughput<-5%"))
    #expect(try !fired("decode.p50_ms>+1"))  // +0.6 ms
    #expect(try fired("decode.p50_ms>+0.5"))
    #expect(try fired("preemptions>0"))
    let o = try GateRule(parsing: "decode.p99_ms>+5%").evaluate(c)
    #expect(o.message == "decode.p99_ms>+5%: decode step p99 20.00 → 21.20 ms (+6.0%)")
    #expect(throws: GateRuleError.self) { try GateRule(parsing: "kv_peak_pct>+1%").evaluate(c) }
  }
}

@Suite struct RunSummaryConfigTests {
  @Test func configEntriesUseTheDocumentedKeys() {
    var c = EngineConfig()
    c.maxModelLen = Sourced(2048, line: 1)
    c.gpuMemoryUtilization = Sourced(0.9, line: 1)
    c.cudagraphCaptureSizes = Sourced([1, 2, 4], line: 1)
    c.enforceEager = Sourced(false, line: 1)
    c.nonDefaultArgs = ["max_num_seqs": "8"]
    let e = RunSummary.configEntries(c)
    #expect(
      e == [
        "max_model_len": "2048", "gpu_memory_utilization": "0.9", "cudagraph_capture_sizes": "[1, 2, 4]",
        "enforce_eager": "false", "args.max_num_seqs": "8",
      ])
    #expect(Set(e.keys.filter { !$0.hasPrefix("args.") }).isSubset(of: RunSummary.configKeys))
    #expect(RunSummary.number(5) == "5")
  }
}
