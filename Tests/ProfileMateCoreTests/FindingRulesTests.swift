import Testing

@testable import ProfileMateCore

/// Builders for run models that exercise one rule at a time.
private func sample(
  _ line: Int, running: Int = 4, waiting: Int = 0, kv: Double? = nil, preemptions: Int = 0
) -> StatsSample {
  var s = StatsSample(
    time: Double(line), line: line, promptThroughput: 10, generationThroughput: 20, running: running,
    waiting: waiting)
  s.kvUsagePct = kv
  s.preemptions = preemptions
  return s
}

private func step(context: Int = 0, contextTokens: Int = 0, generation: Int = 0, ms: Double) -> StepRecord {
  StepRecord(
    contextRequests: context, contextTokens: contextTokens, generationRequests: generation,
    generationTokens: generation, elapsedCentiMs: UInt32((ms * 100).rounded()), kvUsagePermille: nil,
    isDummy: false)
}

/// A model with every observability output present (so `observability_missing` stays quiet) unless
/// told otherwise.
private func model(
  stats: [StatsSample] = [], steps: [StepRecord] = [], tables: [CudaGraphTable] = [], mfu: Bool = true,
  configure: (inout RunModel) -> Void = { _ in }
) -> RunModel {
  var m = RunModel(source: "test")
  var e = EngineTrace(index: 0)
  e.stats = stats.isEmpty ? [sample(1000)] : stats
  e.steps = .init(steps.isEmpty ? [step(generation: 1, ms: 1)] : steps)
  e.firstStepLine = 2000
  e.lastStepLine = 2000 + e.steps.count
  e.slowestStepLine = 2000
  var table = CudaGraphTable(line: 3000, time: nil)
  table.mode = "FULL_AND_PIECEWISE"
  table.captureSizes = [1, 2, 4, 8]
  table.rows = [.init(unpaddedTokens: 1, paddedTokens: 1, paddings: 0, runtimeMode: "FULL", count: 1)]
  e.cudagraphTables = tables.isEmpty ? [table] : tables
  if mfu { e.mfu = [MFUSample(line: 4000, time: nil, tflopsPerGPU: 1, gbpsPerGPU: 1)] }
  m.engines = [e]
  configure(&m)
  return m
}

private func ids(_ m: RunModel, _ t: FindingThresholds = FindingThresholds()) -> [String] {
  RunAnalysis.analyze(m, options: AnalysisOptions(thresholds: t)).findings.map(\.id)
}

private func finding(_ m: RunModel, _ id: String) -> Finding? {
  RunAnalysis.analyze(m).findings.first { $0.id == id }
}

@Suite struct FindingRulesTests {
  @Test func baselineModelHasNoFindings() {
    #expect(ids(model()) == [])
  }

  // MARK: failures

  @Test func mfuDebugCrashIsCritical() throws {
    let m = model { $0.eventCounts[.mfuDebugCrash] = 1 }
    let f = try #require(finding(m, "mfu_debug_crash"))
    #expect(f.severity == .critical)
    #expect(f.recommendation.contains("VLLM_DEBUG_MFU_METRICS"))
  }

  @Test func outOfMemoryIsCriticalAndHidesGenericErrors() throws {
    let m = model {
      $0.eventCounts[.outOfMemory] = 2
      $0.eventCounts[.error] = 5
      $0.events = [LogEvent(kind: .outOfMemory, line: 7, time: nil, message: "CUDA out of memory")]
    }
    let f = try #require(finding(m, "out_of_memory"))
    #expect(f.severity == .critical)
    #expect(f.evidence.first?.lines == [7])
    #expect(!ids(m).contains("errors_logged"))
  }

  @Test func errorsAloneAreAWarning() throws {
    let m = model {
      $0.eventCounts[.error] = 2
      $0.events = [LogEvent(kind: .error, line: 9, time: nil, message: "boom")]
    }
    let f = try #require(finding(m, "errors_logged"))
    #expect(f.severity == .warning)
    #expect(f.evidence.first?.text.contains("boom") == true)
  }

  @Test func engineDeathAfterShutdownIsOnlyInfo() throws {
    let after = model {
      $0.eventCounts[.engineDead] = 1
      $0.eventCounts[.shutdown] = 1
      $0.events = [
        LogEvent(kind: .shutdown, line: 10, time: nil, message: "Shutting down"),
        LogEvent(kind: .engineDead, line: 12, time: nil, message: "EngineDeadError"),
      ]
    }
    #expect(finding(after, "engine_dead")?.severity == .info)
    let before = model {
      $0.eventCounts[.engineDead] = 1
      $0.eventCounts[.shutdown] = 1
      $0.events = [
        LogEvent(kind: .engineDead, line: 8, time: nil, message: "EngineDeadError"),
        LogEvent(kind: .shutdown, line: 10, time: nil, message: "Shutting down"),
      ]
    }
    #expect(finding(before, "engine_dead")?.severity == .critical)
  }

  // MARK: queueing

  @Test func queueingFiresAtTwentyPercentOfSamples() throws {
    // 1 of 5 samples waiting = 20 % (threshold, inclusive) → info; 1 of 6 = 16.7 % → nothing.
    let five = (1...5).map { sample($0, waiting: $0 == 3 ? 7 : 0) }
    let f = try #require(finding(model(stats: five), "queueing"))
    #expect(f.severity == .info)
    #expect(f.title.contains("7 waiting"))
    let six = (1...6).map { sample($0, waiting: $0 == 3 ? 7 : 0) }
    #expect(!ids(model(stats: six)).contains("queueing"))
  }

  @Test func queueingInHalfTheSamplesIsAWarning() {
    let stats = (1...4).map { sample($0, waiting: $0 % 2 == 0 ? 3 : 0) }
    #expect(finding(model(stats: stats), "queueing")?.severity == .warning)
  }

  @Test func queueingRecommendationDependsOnCause() throws {
    let capped = model(stats: (1...2).map { sample($0, running: 8, waiting: 5, kv: 40) }) {
      $0.config.maxNumSeqs = Sourced(8, line: 1)
    }
    #expect(try #require(finding(capped, "queueing")).recommendation.contains("raise --max-num-seqs"))
    let full = model(stats: (1...2).map { sample($0, running: 8, waiting: 5, kv: 95) })
    #expect(try #require(finding(full, "queueing")).recommendation.contains("KV cache is full"))
  }

  // MARK: preemptions and KV

  @Test func preemptionsFromStatsLines() throws {
    let stats = [sample(1), sample(2, preemptions: 5), sample(3, preemptions: 3)]
    let f = try #require(finding(model(stats: stats), "preemptions"))
    #expect(f.severity == .warning)
    #expect(f.title.hasPrefix("8 request preemption(s)"))
    #expect(f.evidence.first?.lines == [2])
    #expect(!ids(model(stats: [sample(1), sample(2)])).contains("preemptions"))
  }

  @Test func preemptionsFromV0Warnings() throws {
    let m = model {
      $0.v0CumulativePreemptions = 51
      $0.events = [LogEvent(kind: .preemption, line: 5, time: nil, message: "Sequence group 3 is preempted")]
      $0.eventCounts[.preemption] = 1
    }
    let f = try #require(finding(m, "preemptions"))
    #expect(f.title.hasPrefix("51 "))
    #expect(f.evidence.contains { $0.text.contains("total_num_cumulative_preemption up to 51") && $0.lines == [5] })
  }

  @Test(arguments: [(90.0, nil as Severity?), (90.1, .info), (98.9, .info), (99.0, .warning)])
  func kvPressureAboveNinetyPercent(peak: Double, severity: Severity?) {
    let m = model(stats: [sample(1, kv: 10), sample(2, kv: peak)])
    #expect(finding(m, "kv_pressure")?.severity == severity)
  }

  @Test func kvPressureWithPreemptionsIsAWarning() {
    let m = model(stats: [sample(1, kv: 92, preemptions: 1)])
    #expect(finding(m, "kv_pressure")?.severity == .warning)
  }

  @Test func kvPressureSeesIterationLinePeaks() throws {
    let m = model(stats: [sample(1, kv: 50)]) {
      $0.engines[0].maxStepKVUsagePct = Sourced(93.5, line: 77)
    }
    let f = try #require(finding(m, "kv_pressure"))
    #expect(f.evidence.first?.lines == [77])
  }

  @Test func kvOverprovisionedNeedsCapacityThreeSamplesAndLowPeak() {
    let low = (1...3).map { sample($0, running: 2, kv: 24.9) }
    let withTokens: (inout RunModel) -> Void = { $0.config.kvCacheTokens = Sourced(100_000, line: 1) }
    #expect(finding(model(stats: low, configure: withTokens), "kv_overprovisioned")?.severity == .info)
    // At the threshold, with two samples, without a capacity, or with nothing running: quiet.
    let atThreshold = (1...3).map { sample($0, running: 2, kv: 25) }
    #expect(!ids(model(stats: atThreshold, configure: withTokens)).contains("kv_overprovisioned"))
    #expect(!ids(model(stats: Array(low.prefix(2)), configure: withTokens)).contains("kv_overprovisioned"))
    #expect(!ids(model(stats: low)).contains("kv_overprovisioned"))
    let idle = (1...3).map { sample($0, running: 0, kv: 1) }
    #expect(!ids(model(stats: idle, configure: withTokens)).contains("kv_overprovisioned"))
  }

  // MARK: prefill / decode

  @Test func decodeDominatesAtSeventyPercentOfTwentySteps() {
    // 14 decode + 6 prefill steps of 10 ms: decode share 140/200 = 70 % (inclusive).
    let steps =
      Array(repeating: step(generation: 4, ms: 10), count: 14)
      + Array(repeating: step(context: 1, contextTokens: 100, ms: 10), count: 6)
    #expect(ids(model(steps: steps)).contains("decode_dominated"))
    // 19 steps are too few to judge.
    #expect(!ids(model(steps: Array(steps.dropFirst()))).contains("decode_dominated"))
    // 13 decode + 7 prefill: 65 % / 35 %, neither dominates.
    let balanced =
      Array(repeating: step(generation: 4, ms: 10), count: 13)
      + Array(repeating: step(context: 1, contextTokens: 100, ms: 10), count: 7)
    let found = ids(model(steps: balanced))
    #expect(!found.contains("decode_dominated") && !found.contains("prefill_dominated"))
  }

  @Test func prefillAndMixedStepsTogetherDominate() {
    // 10 prefill + 5 mixed + 5 decode, all 10 ms: prefill-ish 75 %.
    let steps =
      Array(repeating: step(context: 1, contextTokens: 100, ms: 10), count: 10)
      + Array(repeating: step(context: 1, contextTokens: 50, generation: 2, ms: 10), count: 5)
      + Array(repeating: step(generation: 4, ms: 10), count: 5)
    #expect(ids(model(steps: steps)).contains("prefill_dominated"))
  }

  @Test func mixedStepsSlowDecodesAtThreeTimesTheMedian() throws {
    // 18 decode steps of 10 ms and 2 mixed of 30 ms: ratio 3.0 (inclusive), mixed share 10 %.
    let decode = Array(repeating: step(generation: 8, ms: 10), count: 18)
    let slow = decode + Array(repeating: step(context: 1, contextTokens: 500, generation: 8, ms: 30), count: 2)
    let f = try #require(finding(model(steps: slow), "mixed_steps_slow_decode"))
    #expect(f.severity == .warning)
    #expect(f.title.contains("3.0×"))
    let notSlow = decode + Array(repeating: step(context: 1, contextTokens: 500, generation: 8, ms: 29.99), count: 2)
    #expect(!ids(model(steps: notSlow)).contains("mixed_steps_slow_decode"))
  }

  @Test func mixedStepsNeedFivePercentOfSteps() {
    // 1 mixed of 20 steps = 5 % → fires; 1 of 21 = 4.8 % → quiet.
    let mixed = step(context: 1, contextTokens: 500, generation: 8, ms: 50)
    let twenty = Array(repeating: step(generation: 8, ms: 10), count: 19) + [mixed]
    #expect(ids(model(steps: twenty)).contains("mixed_steps_slow_decode"))
    let twentyOne = Array(repeating: step(generation: 8, ms: 10), count: 20) + [mixed]
    #expect(!ids(model(steps: twentyOne)).contains("mixed_steps_slow_decode"))
  }

  // MARK: CUDA graphs

  private func table(unpadded: Int, padded: Int, mode: String = "PIECEWISE", count: Int = 1) -> CudaGraphTable {
    var t = CudaGraphTable(line: 3000, time: nil)
    t.mode = "FULL_AND_PIECEWISE"
    t.captureSizes = [1, 2, 4, 8, 1000]
    t.rows = [
      .init(
        unpaddedTokens: unpadded, paddedTokens: padded, paddings: padded - unpadded, runtimeMode: mode,
        count: count)
    ]
    return t
  }

  @Test func paddingAboveTenPercent() throws {
    // 99 of 1000 padded tokens = 9.9 % → quiet; 101 of 1000 = 10.1 % → warning.
    #expect(!ids(model(tables: [table(unpadded: 901, padded: 1000)])).contains("cudagraph_padding"))
    let f = try #require(finding(model(tables: [table(unpadded: 899, padded: 1000)]), "cudagraph_padding"))
    #expect(f.severity == .warning)
    #expect(f.title.contains("10.1%"))
  }

  @Test func eagerStepsFromTables() throws {
    // 19 graph steps and 1 eager step above the largest size (1000): 5 % → fires.
    var t = table(unpadded: 8, padded: 8, mode: "FULL", count: 19)
    t.rows.append(.init(unpaddedTokens: 2224, paddedTokens: 2224, paddings: 0, runtimeMode: "NONE", count: 1))
    let sizes: (inout RunModel) -> Void = { $0.config.cudagraphCaptureSizes = Sourced([1, 2, 4, 8, 1000], line: 1) }
    let f = try #require(finding(model(tables: [t], configure: sizes), "eager_steps"))
    #expect(f.title.contains("above the largest capture size 1000"))
    #expect(f.title.hasPrefix("5.0% of steps"))
    var quiet = table(unpadded: 8, padded: 8, mode: "FULL", count: 20)
    quiet.rows.append(.init(unpaddedTokens: 2224, paddedTokens: 2224, paddings: 0, runtimeMode: "NONE", count: 1))
    #expect(!ids(model(tables: [quiet], configure: sizes)).contains("eager_steps"))
  }

  @Test func eagerStepsFromTablesWithoutStartupLines() {
    // A log that starts after start-up (rotated, `kubectl logs --since`) has no config line, but the
    // tables print their own capture sizes, and CudaGraphAnalysis counts the eager steps from them.
    var t = table(unpadded: 8, padded: 8, mode: "FULL", count: 19)
    t.rows.append(.init(unpaddedTokens: 2224, paddedTokens: 2224, paddings: 0, runtimeMode: "NONE", count: 1))
    let m = model(tables: [t])
    #expect(RunAnalysis.analyze(m).cudagraph?.eagerStepsAboveLargest == 1)
    #expect(ids(m).contains("eager_steps"))
  }

  @Test func eagerStepsFromIterationLinesWhenNoTables() {
    // No tables: largest capture size 8 from the config; 1 of 20 steps has 100 tokens → 5 %.
    let steps =
      Array(repeating: step(generation: 4, ms: 10), count: 19)
      + [step(context: 1, contextTokens: 100, ms: 10)]
    let withSizes: (inout RunModel) -> Void = {
      $0.config.cudagraphCaptureSizes = Sourced([1, 2, 4, 8], line: 1)
      $0.engines[0].cudagraphTables = []
    }
    #expect(ids(model(steps: steps, configure: withSizes)).contains("eager_steps"))
    let eagerMode: (inout RunModel) -> Void = {
      withSizes(&$0)
      $0.config.enforceEager = Sourced(true, line: 1)
    }
    #expect(!ids(model(steps: steps, configure: eagerMode)).contains("eager_steps"))
    let noneMode: (inout RunModel) -> Void = {
      withSizes(&$0)
      $0.config.cudagraphMode = Sourced("NONE", line: 1)
    }
    #expect(!ids(model(steps: steps, configure: noneMode)).contains("eager_steps"))
  }

  // MARK: batching and HTTP

  @Test func lowBatchUtilizationWhileRequestsWait() {
    // Budget 100 tokens, steps of 10 tokens → 10 % utilisation; waiting in 50 % of samples.
    let steps = Array(repeating: step(context: 1, contextTokens: 10, ms: 5), count: 4)
    let stats = [sample(1, waiting: 3), sample(2)]
    let budget: (inout RunModel) -> Void = { $0.config.maxNumBatchedTokens = Sourced(100, line: 1) }
    #expect(ids(model(stats: stats, steps: steps, configure: budget)).contains("low_batch_utilization"))
    // 25 tokens per step is 25 % exactly: not below the threshold.
    let fuller = Array(repeating: step(context: 1, contextTokens: 25, ms: 5), count: 4)
    #expect(!ids(model(stats: stats, steps: fuller, configure: budget)).contains("low_batch_utilization"))
    // Without a known budget the rule cannot judge.
    #expect(!ids(model(stats: stats, steps: steps)).contains("low_batch_utilization"))
    // Without queueing low utilisation is just light load.
    #expect(
      !ids(model(stats: [sample(1), sample(2)], steps: steps, configure: budget)).contains("low_batch_utilization"))
  }

  @Test func serverErrorsInAccessLog() throws {
    let m = model { $0.requests.httpByStatusClass = ["2xx": 10, "5xx": 2] }
    let f = try #require(finding(m, "http_5xx"))
    #expect(f.title.hasPrefix("2 request(s)"))
    #expect(f.evidence.first?.text.contains("2 5xx responses of 12") == true)
    #expect(!ids(model { $0.requests.httpByStatusClass = ["4xx": 3] }).contains("http_5xx"))
  }

  // MARK: observability

  @Test func everythingMissingOnAnEmptyModel() throws {
    let a = RunAnalysis.analyze(RunModel(source: "empty"))
    #expect(a.findings.map(\.id) == ["observability_missing"])
    let f = try #require(a.findings.first)
    #expect(f.severity == .info)
    #expect(f.evidence.count == 4)
    #expect(f.recommendation.contains("--enable-logging-iteration-details"))
    #expect(f.recommendation.contains("--cudagraph-metrics"))
    #expect(f.recommendation.contains("--enable-mfu-metrics"))
    #expect(!f.recommendation.contains("Upgrading"))
  }

  @Test func oldVersionsAreToldToUpgrade() throws {
    let m = model(mfu: false) {
      $0.config.vllmVersion = Sourced("0.13.0", line: 1)
      $0.config.engineGeneration = Sourced("V1", line: 1)
    }
    let f = try #require(finding(m, "observability_missing"))
    #expect(f.recommendation == "Upgrading vLLM adds --enable-mfu-metrics (v0.14.0+).")
    let v0 = model(mfu: false) { $0.config.engineGeneration = Sourced("V0", line: 1) }
    #expect(try #require(finding(v0, "observability_missing")).recommendation.hasPrefix("Upgrading vLLM adds"))
  }

  @Test func aggregatedStatsCountAsStatsLogging() {
    var m = model()
    m.engines[0].stats = []
    #expect(ids(m).contains("observability_missing"))
    m.aggregatedStats = [sample(5)]
    #expect(!ids(m).contains("observability_missing"))
  }

  // MARK: ordering and thresholds

  @Test func findingsAreOrderedBySeverity() {
    let m = model(mfu: false) {
      $0.eventCounts[.outOfMemory] = 1
      $0.requests.httpByStatusClass = ["5xx": 1]
    }
    let found = RunAnalysis.analyze(m).findings
    #expect(found.map(\.id) == ["out_of_memory", "http_5xx", "observability_missing"])
    #expect(found.map(\.severity) == [.critical, .warning, .info])
  }

  @Test func customThresholdsApply() {
    var t = FindingThresholds()
    t.kvPressurePct = 50
    let m = model(stats: [sample(1, kv: 60)])
    #expect(!ids(m).contains("kv_pressure"))
    #expect(ids(m, t).contains("kv_pressure"))
  }
}
