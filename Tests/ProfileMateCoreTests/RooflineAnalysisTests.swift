import Testing

@testable import ProfileMateCore

/// The per-step roofline of a log, on a synthetic run whose every figure is worked out by hand below.
@Suite struct RooflineAnalysisTests {
  /// 1 TFLOP/s and 1 GB/s: a FLOP costs 1e-12 s and a byte 1e-9 s.
  static let gpu = GPUSpec(
    name: "Test", aliases: [], memoryBytes: 1e9, memoryBandwidth: 1e9, bf16FLOPS: 1e12, fp8FLOPS: nil,
    tf32FLOPS: nil, fp4FLOPS: nil, source: "test")

  /// 1e9 FLOPs per token (1 ms each) and 1e6 bytes per token of decode context plus 1e9 fixed bytes (1 s).
  struct LinearModel: StepCostModel {
    func cost(of s: StepShape) -> StepCost? {
      StepCost(flops: 1e9 * Double(s.tokens), bytes: 1e6 * Double(s.decodeContext + 1000))
    }
    func peakFLOPS(on gpu: GPUSpec) -> Double { gpu.bf16FLOPS }
    func kvTokens(usagePct: Double, requests: Int) -> Double? { nil }
  }

  static func step(
    _ ctxReq: Int, _ ctxTok: Int, _ genReq: Int, _ genTok: Int, ms: Double, kv: Int? = nil
  )
    -> StepRecord
  {
    StepRecord(
      contextRequests: ctxReq, contextTokens: ctxTok, generationRequests: genReq, generationTokens: genTok,
      elapsedCentiMs: UInt32(ms * 100), kvUsagePermille: kv, isDummy: false)
  }

  /// Capacity 6,400 tokens; stats lines at 0 s (10 %, 4 running) and 10 s (20 %, 4 running); steps 0 and 2
  /// anchored at 0 s and 10 s.
  static func run() -> RunModel {
    var model = RunModel(source: "synthetic")
    model.config.kvCacheTokens = Sourced(6400, line: 1)
    var trace = EngineTrace(index: 0)
    trace.steps = [
      step(0, 0, 4, 4, ms: 2000, kv: 100),  // 0: decode, KV 10.0 % on its own line
      step(1, 100, 0, 0, ms: 1500),  // 1: prefill at 5 s (interpolated)
      step(0, 0, 4, 4, ms: 20_000),  // 2: decode at 10 s
      step(0, 0, 0, 0, ms: 1),  // 3: idle, skipped
      step(0, 0, 8, 8, ms: 3000),  // 4: decode after the last anchor (10 s)
    ]
    trace.stepTimes = [StepTimeAnchor(index: 0, time: 0), StepTimeAnchor(index: 2, time: 10)]
    for (t, usage) in [(0.0, 10.0), (10.0, 20.0)] {
      var s = StatsSample(time: t, line: 2, promptThroughput: 0, generationThroughput: 0, running: 4, waiting: 0)
      s.kvUsagePct = usage
      trace.stats.append(s)
    }
    model.engines = [trace]
    return model
  }

  @Test func everyStepAgainstItsBound() throws {
    // Step 0: 10 % × 6,400 = 640 tokens over 4 decodes = 160 each; bytes 1e6 × 1,640 → 1.64 s; compute 4 ms.
    //   Measured 2 s < 4 × 1.64 → memory-bound.
    // Step 1: prefill of 100 fresh tokens: bytes 1e9 → 1 s; compute 0.1 s; measured 1.5 s → memory-bound.
    // Step 2: 20 % → 1,280 tokens, 320 each; 2.28 s bound; measured 20 s ≥ 9.12 s → overhead-bound.
    // Step 4: 20 % → 1,280 tokens; 8 requests > 4 running, so all of them: 160 each; 2.28 s; measured 3 s.
    var steps: [StepRoofline] = []
    var skipped = 0
    RooflineAnalysis.forEachStep(Self.run(), gpu: Self.gpu, costModel: LinearModel(), skipped: &skipped) {
      steps.append($0)
    }
    #expect(skipped == 1)
    #expect(steps.map(\.index) == [0, 1, 2, 4])
    #expect(steps.map(\.shape.decodeContext) == [640, 0, 1280, 1280])
    #expect(steps.map(\.contextSource) == [.stepLine, .interpolated, .interpolated, .interpolated])
    #expect(steps.map(\.classification) == [.memoryBound, .memoryBound, .overheadBound, .memoryBound])
    let bounds = steps.map(\.point.attainableSeconds)
    for (got, want) in zip(bounds, [1.64, 1.0, 2.28, 2.28]) { #expect(abs(got - want) < 1e-9) }
    #expect(abs(steps[1].efficiency - 1.0 / 1.5) < 1e-9)
  }

  @Test func summariesAndFindings() throws {
    let a = RunAnalysis.analyze(Self.run(), options: AnalysisOptions(gpu: Self.gpu, costModel: LinearModel()))
    let r = try #require(a.roofline)
    #expect(r.steps == 4 && r.skippedSteps == 1 && r.ridgePoint == 1000)
    #expect(r.steps(from: .stepLine) == 1 && r.steps(from: .interpolated) == 3 && r.steps(from: .unknown) == 0)

    // Decode: 25 s measured against 1.64 + 2.28 + 2.28 = 6.2 s → 24.8 %; 25 ≥ 4 × 6.2 → overhead-bound.
    let decode = try #require(r.figures(.decode))
    #expect(decode.totals.steps == 3 && abs(decode.totals.measuredSeconds - 25) < 1e-9)
    #expect(abs((decode.totals.efficiencyPct ?? 0) - 24.8) < 1e-9)
    #expect(decode.totals.bound == .memory && decode.classification == .overheadBound)
    #expect(decode.totals.steps(.memoryBound) == 2 && decode.totals.steps(.overheadBound) == 1)
    // (640 + 1,280 + 1,280) tokens of context over 4 + 4 + 8 requests = 200.
    #expect(decode.totals.meanDecodeContext == 200)
    // Batches 4–7: 22 s against 3.92 s (17.82 %, overhead-bound); 8–15: 3 s against 2.28 s (76 %).
    #expect(r.decodeByBatch.map(\.minRequests) == [4, 8])
    #expect(r.decodeByBatch.map(\.classification) == [.overheadBound, .memoryBound])
    #expect(abs((r.decodeByBatch[1].totals.efficiencyPct ?? 0) - 76) < 1e-9)

    let prefill = try #require(r.figures(.prefill))
    #expect(prefill.classification == .memoryBound && abs((prefill.totals.efficiencyPct ?? 0) - 200.0 / 3) < 1e-9)
    #expect(r.figures(.mixed) == nil && r.aboveCaptureSize == nil)

    // Decode has 25 / 26.5 of step time, prefill 5.7 % (above the 5 % floor): one finding each.
    let decodeFinding = try #require(a.findings.first { $0.id == "roofline_decode" })
    #expect(decodeFinding.severity == .warning)
    #expect(
      decodeFinding.title == "Decode steps reach 24.8% of the memory-bandwidth bound at batch 4–7 (overhead-bound)")
    #expect(decodeFinding.evidence.contains { $0.text.hasPrefix("attended context is an estimate") })
    let prefillFinding = try #require(a.findings.first { $0.id == "roofline_prefill" })
    #expect(prefillFinding.severity == .info)
  }

  @Test func noRooflineWithoutACostModel() {
    let a = RunAnalysis.analyze(Self.run(), options: AnalysisOptions(gpu: Self.gpu))
    #expect(a.roofline == nil && !a.findings.contains { $0.id.hasPrefix("roofline") })
  }

  @Test func timelineInterpolatesAndClamps() {
    var timeline = KVUsageTimeline(trace: Self.run().engines[0])
    #expect(timeline.time(ofStep: 1) == 5)
    #expect(timeline.estimate(atStep: 1)?.usagePct == 15)
    #expect(timeline.estimate(atStep: 4)?.usagePct == 20)
  }
}
