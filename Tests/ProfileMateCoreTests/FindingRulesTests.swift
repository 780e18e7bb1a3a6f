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

  // At or above 90 %, the same comparison as the /metrics rule (the log's rule was "above" until the two merged).
  @Test(arguments: [(89.9, nil as Severity?), (90.0, .info), (98.9, .info), (99.0, .warning)])
  func kvPressureFromNinetyPercent(peak: Double, severity: Severity?) {
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

  /// A log in which the server served nothing (a start-up excerpt, a start-up failure) cannot show these lines
  /// whatever its flags: no finding. One that served (a stats line) and lacks the rest is told the flags.
  @Test func everythingMissingOnlyOnceTheServerServed() throws {
    #expect(RunAnalysis.analyze(RunModel(source: "empty")).findings.isEmpty)
    var served = RunModel(source: "stats only")
    var e = EngineTrace(index: 0)
    e.stats = [sample(1000)]
    served.engines = [e]
    let f = try #require(RunAnalysis.analyze(served).findings.first { $0.id == "observability_missing" })
    #expect(f.severity == .info)
    #expect(f.evidence.count == 3)
    #expect(
      f.recommendation == "Start the server with --enable-logging-iteration-details --cudagraph-metrics "
        + "--enable-mfu-metrics.")
  }

  /// Flags already on are never recommended: a server that had them all on but printed none of those lines (it
  /// crashed on its first request) gets no finding.
  @Test func flagsAlreadyOnAreNotRecommended() {
    var m = RunModel(source: "crashed")
    var e = EngineTrace(index: 0)
    e.stats = [sample(1000)]
    m.engines = [e]
    m.config.observability.iterationDetails = true
    m.config.observability.cudagraphMetrics = true
    m.config.observability.mfuMetrics = true
    #expect(!ids(m).contains("observability_missing"))
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

  /// Missing stats lines are blamed on --disable-log-stats only when it is set, and on --api-server-count when
  /// there are several API servers (vLLM logs no stats then); aggregated stats lines count as stats.
  @Test func aggregatedStatsCountAsStatsLogging() throws {
    var m = model()
    m.engines[0].stats = []
    #expect(!ids(m).contains("observability_missing"))  // nothing says why: no advice to give
    m.config.observability.disableLogStats = true
    let f = try #require(RunAnalysis.analyze(m).findings.first { $0.id == "observability_missing" })
    #expect(f.recommendation == "Drop --disable-log-stats for queueing, KV usage and throughput every 10 s.")
    m.config.nonDefaultArgs["api_server_count"] = "4"
    let g = try #require(RunAnalysis.analyze(m).findings.first { $0.id == "observability_missing" })
    #expect(g.recommendation == "Start with --api-server-count 1: vLLM does not log stats with 4 API servers.")
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

/// Each threshold of a log rule, overridden by name, changes that rule's outcome on an input built so the
/// default and the override fall on either side of it (the figures are worked out beside each case).
@Suite struct ThresholdOverrideTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var value: String
    var model: RunModel
    var id: String
    /// The finding's severity with the defaults and with the override (nil: no finding).
    var before: Severity?
    var after: Severity?
    var options: AnalysisOptions = AnalysisOptions()
    var testDescription: String { "\(name)=\(value)" }
  }

  /// The thresholds only `/metrics` rules read; PromMetricsTests override those.
  static let metricsOnly: Set<String> = [
    "waiting_requests", "queue_time_share_pct", "phase_ratio", "min_requests_for_phase_rule", "low_prefix_hit_pct",
    "min_prefix_queries",
  ]

  static let cases: [Case] = {
    let capacity: (inout RunModel) -> Void = { $0.config.kvCacheTokens = Sourced(100_000, line: 1) }
    // 1 of 5 samples waiting = 20 %.
    let oneInFive = model(stats: (1...5).map { sample($0, waiting: $0 == 3 ? 7 : 0) })
    // Three samples at 24.9 % of a known capacity, 2 running.
    let lowKV = model(stats: (1...3).map { sample($0, running: 2, kv: 24.9) }, configure: capacity)
    // 14 decode + 6 prefill steps of 10 ms: decode 70 % of 20 steps; 13 + 7: 65 %.
    let decode70 =
      model(
        steps: Array(repeating: step(generation: 4, ms: 10), count: 14)
          + Array(repeating: step(context: 1, contextTokens: 100, ms: 10), count: 6))
    let decode65 =
      model(
        steps: Array(repeating: step(generation: 4, ms: 10), count: 13)
          + Array(repeating: step(context: 1, contextTokens: 100, ms: 10), count: 7))
    // 18 decode steps of 10 ms, 2 mixed of 30 ms: ratio 3.0, 10 % mixed.
    let mixed =
      model(
        steps: Array(repeating: step(generation: 8, ms: 10), count: 18)
          + Array(repeating: step(context: 1, contextTokens: 500, generation: 8, ms: 30), count: 2))
    // 101 padding tokens of 1,000 = 10.1 %.
    var padded = CudaGraphTable(line: 3000, time: nil)
    padded.mode = "FULL_AND_PIECEWISE"
    padded.captureSizes = [1, 2, 4, 8, 1000]
    padded.rows = [.init(unpaddedTokens: 899, paddedTokens: 1000, paddings: 101, runtimeMode: "PIECEWISE", count: 1)]
    // 19 graph steps and 1 eager step above 1,000: 5 %.
    var eager = padded
    eager.rows = [
      .init(unpaddedTokens: 8, paddedTokens: 8, paddings: 0, runtimeMode: "FULL", count: 19),
      .init(unpaddedTokens: 2224, paddedTokens: 2224, paddings: 0, runtimeMode: "NONE", count: 1),
    ]
    // 20 decode steps of 5 tokens against capture sizes [1, 8]: each pads 3 of 8 (37.5 %, rebuilt from the
    // iteration lines); a fitted two-size list holds 5 and pads nothing. The tables show no padding, so the
    // padding rule stays quiet and the capture-size rule speaks for a gain of 37.5 points.
    let fittable = model(
      steps: Array(repeating: step(generation: 5, ms: 10), count: 20),
      configure: { $0.config.cudagraphCaptureSizes = Sourced([1, 8], line: 1) })
    // Budget 100, 10 tokens per step (10 %), waiting in 1 of 2 samples (50 %).
    let lowBatch = model(
      stats: [sample(1, waiting: 3), sample(2)],
      steps: Array(repeating: step(context: 1, contextTokens: 10, ms: 5), count: 4),
      configure: { $0.config.maxNumBatchedTokens = Sourced(100, line: 1) })
    // The roofline run of RooflineAnalysisTests: decode 25 s against a 6.2 s bound (4.03×, overhead-bound at
    // factor 4, memory-bound at 5); prefill 1.5 s of 26.5 s = 5.7 % of step time.
    let roofline = AnalysisOptions(gpu: RooflineAnalysisTests.gpu, costModel: RooflineAnalysisTests.LinearModel())
    return [
      Case(name: "queueing_share_pct", value: "25", model: oneInFive, id: "queueing", before: .info, after: nil),
      Case(
        name: "queueing_warning_share_pct", value: "20", model: oneInFive, id: "queueing", before: .info,
        after: .warning),
      Case(
        name: "kv_pressure_pct", value: "50", model: model(stats: [sample(1, kv: 60)]), id: "kv_pressure",
        before: nil, after: .info),
      Case(
        name: "kv_pressure_warning_pct", value: "95", model: model(stats: [sample(1, kv: 95)]), id: "kv_pressure",
        before: .info, after: .warning),
      Case(
        name: "kv_overprovisioned_pct", value: "20", model: lowKV, id: "kv_overprovisioned", before: .info, after: nil),
      Case(
        name: "kv_overprovisioned_min_samples", value: "4", model: lowKV, id: "kv_overprovisioned", before: .info,
        after: nil),
      Case(
        name: "dominant_phase_share_pct", value: "65", model: decode65, id: "decode_dominated", before: nil,
        after: .info),
      Case(
        name: "dominant_phase_min_steps", value: "21", model: decode70, id: "decode_dominated", before: .info,
        after: nil),
      Case(
        name: "mixed_slowdown_ratio", value: "3.5", model: mixed, id: "mixed_steps_slow_decode", before: .warning,
        after: nil),
      Case(
        name: "mixed_step_share_pct", value: "15", model: mixed, id: "mixed_steps_slow_decode", before: .warning,
        after: nil),
      Case(
        name: "padding_overhead_pct", value: "11", model: model(tables: [padded]), id: "cudagraph_padding",
        before: .warning, after: nil),
      Case(
        name: "fitted_list_gain_pct_points", value: "40", model: fittable, id: "cudagraph_capture_sizes",
        before: .info, after: nil),
      Case(
        name: "eager_step_share_pct", value: "6", model: model(tables: [eager]), id: "eager_steps", before: .warning,
        after: nil),
      Case(
        name: "low_batch_utilization_pct", value: "5", model: lowBatch, id: "low_batch_utilization", before: .warning,
        after: nil),
      Case(
        name: "roofline_overhead_factor", value: "5", model: RooflineAnalysisTests.run(), id: "roofline_decode",
        before: .warning, after: .info, options: roofline),
      Case(
        name: "roofline_kind_share_pct", value: "6", model: RooflineAnalysisTests.run(), id: "roofline_prefill",
        before: .info, after: nil, options: roofline),
    ]
  }()

  @Test(arguments: cases)
  func overrideChangesTheOutcome(_ c: Case) throws {
    var options = c.options
    let before = RunAnalysis.analyze(c.model, options: options).findings.first { $0.id == c.id }
    options.thresholds = try FindingThresholds.parse(["\(c.name)=\(c.value)"])
    let after = RunAnalysis.analyze(c.model, options: options).findings.first { $0.id == c.id }
    #expect(before?.severity == c.before)
    #expect(after?.severity == c.after)
    // The rule that changed names the threshold.
    #expect(FindingRegistry.rule(for: c.id)?.info.thresholds.contains(c.name) == true)
  }

  @Test func everyThresholdIsOverriddenHereOrInPromMetricsTests() {
    let covered = Set(Self.cases.map(\.name)).union(Self.metricsOnly)
    #expect(covered == Set(FindingThresholds.all.map(\.name)))
  }
}
