import MockEngine
import PromMetrics
import Testing

@Suite struct EngineCoreTests {
  @Test func virtualTimeGivesTheStepClockLatencies() {
    // Steps take 10 ms flat. A: prompt 4, 3 outputs, at t = 0 → steps end at 0.01, 0.02, 0.03.
    // B: prompt 2, 2 outputs, arrives at 0.015, during step 2 (0.01–0.02), so it is queued when step 2 ends
    // and admitted in step 3 (0.02–0.03): tokens at 0.03 and 0.04.
    let model = StepTimeModel(baseMs: 10, prefillTokenMs: 0, decodeTokenMs: 0)
    let (tokens, engine) = VirtualRun.run(
      [
        (0, EngineRequest(id: "A", promptTokens: 4, maxTokens: 3)),
        (0.015, EngineRequest(id: "B", promptTokens: 2, maxTokens: 2)),
      ], config: EngineConfig(), timeModel: model)
    let a = tokens.filter { $0.id == "A" }.map(\.time)
    let b = tokens.filter { $0.id == "B" }.map(\.time)
    #expect(a.count == 3 && b.count == 2)
    for (x, y) in zip(a, [0.01, 0.02, 0.03]) { #expect(abs(x - y) < 1e-12) }
    for (x, y) in zip(b, [0.03, 0.04]) { #expect(abs(x - y) < 1e-12) }
    let m = engine.metrics
    #expect(m.promptTokens == 6)
    #expect(m.generationTokens == 5)
    #expect(m.finishedLength == 2)
    // TTFT: A 0.01, B 0.03 - 0.015 = 0.015 → sum 0.025. ITL: A 0.01 ×2, B 0.01 → 3 gaps, sum 0.03.
    #expect(m.ttft.count == 2 && abs(m.ttft.sum - 0.025) < 1e-12)
    #expect(m.itl.count == 3 && abs(m.itl.sum - 0.03) < 1e-12)
    // E2E: A 0.03, B 0.04 - 0.015 = 0.025. TPOT: A (0.03-0.01)/2 = 0.01, B (0.04-0.03)/1 = 0.01.
    #expect(abs(m.e2e.sum - 0.055) < 1e-12)
    #expect(abs(m.tpot.sum - 0.02) < 1e-12)
    // Queue: A 0 (scheduled at 0), B 0.005 (queued at 0.015, scheduled at 0.02).
    #expect(abs(m.queue.sum - 0.005) < 1e-12)
    // Iteration tokens: step 1: A's prompt 4 + 1 token = 5; step 2: 1; step 3: A 1 + B's prompt 2 + 1 = 4;
    // step 4: 1 → 4 observations summing to 11.
    #expect(m.iterationTokens.count == 4 && m.iterationTokens.sum == 11)
    #expect(engine.stepCount == 4)
  }

  @Test func aQueueingLoadIsSlowerWithOneSequenceSlot() {
    // 8 requests at t = 0, prompt 16, 8 outputs; steps cost 10 ms + 0.1 ms a token.
    // One slot: they run one after another, so the last TTFT is ≈ 7 × 8 steps later than with 16 slots.
    let arrivals = (0..<8).map { (0.0, EngineRequest(id: "r\($0)", promptTokens: 16, maxTokens: 8)) }
    let model = StepTimeModel(baseMs: 10, prefillTokenMs: 0.1, decodeTokenMs: 0.1)
    let one = VirtualRun.run(arrivals, config: EngineConfig(maxNumSeqs: 1), timeModel: model).engine.metrics
    let many = VirtualRun.run(arrivals, config: EngineConfig(maxNumSeqs: 16), timeModel: model).engine.metrics
    // One slot: request k starts after k × (prefill step 10 + 0.1 × 16 = 11.6 ms, then 7 decode steps of
    // 10.1 ms) = k × 82.3 ms and gets its first token 11.6 ms later: mean TTFT = 11.6 + 82.3 × 3.5 = 299.65 ms.
    #expect(abs(one.ttft.sum / 8 - 0.29965) < 1e-9)
    // 16 slots: all prefill in one step of 10 + 0.1 × 128 = 22.8 ms.
    #expect(abs(many.ttft.sum / 8 - 0.0228) < 1e-9)
  }

  @Test func theExpositionReadsBackThroughPromMetrics() {
    let model = StepTimeModel(baseMs: 10, prefillTokenMs: 0, decodeTokenMs: 0)
    let (_, engine) = VirtualRun.run(
      [(0, EngineRequest(id: "A", promptTokens: 4, maxTokens: 3))], config: EngineConfig(), timeModel: model)
    let text = MetricsExposition.render(
      engine.metrics, gauges: .init(running: 2, waiting: 1, kvUsage: 0.25), config: EngineConfig(), model: "mock")
    let exposition = ExpositionParser.parse(text)
    #expect(exposition.issues.isEmpty)
    let snapshots = VLLMMetrics.snapshots(exposition)
    #expect(snapshots.count == 1)
    guard let s = snapshots.first else { return }
    #expect(s.model == "mock")
    #expect(s.value(.requestsRunning) == 2)
    #expect(s.value(.requestsWaiting) == 1)
    #expect(s.value(.kvCacheUsage) == 0.25)
    #expect(s.total(.generationTokens) == 3)
    #expect(s.total(.promptTokens) == 4)
  }
}

@Suite struct StepTimeFitTests {
  @Test func aFitRecoversAnExactLinearModel() throws {
    // ms = 3 + 0.01 × context + 0.2 × generation, on a grid of steps (no noise): the fit is exact.
    var samples: [StepTimeModel.Sample] = []
    for c in [0, 100, 512, 2000] {
      for g in [1, 8, 64] { samples.append((c, g, 3 + 0.01 * Double(c) + 0.2 * Double(g))) }
    }
    let m = try #require(StepTimeModel.fit(samples))
    #expect(abs(m.baseMs - 3) < 1e-9 && abs(m.prefillTokenMs - 0.01) < 1e-12 && abs(m.decodeTokenMs - 0.2) < 1e-12)
  }

  @Test func aNegativeCoefficientIsDroppedAndTheRestRefitted() throws {
    // Times fall with generation tokens (−0.1 ms each) and are 10 + 0.02 × context: decode is dropped; the
    // refit on (1, context) alone: generation tokens are 1 or 3, each with context 0 and 100, so the
    // least-squares line through the 4 points has slope 0.02 and intercept 10 − 0.1 × mean(g) = 9.8.
    let samples: [StepTimeModel.Sample] = [
      (0, 1, 9.9), (0, 3, 9.7), (100, 1, 11.9), (100, 3, 11.7),
    ]
    let m = try #require(StepTimeModel.fit(samples))
    #expect(m.decodeTokenMs == 0)
    #expect(abs(m.prefillTokenMs - 0.02) < 1e-9)
    #expect(abs(m.baseMs - 9.8) < 1e-9)
  }

  @Test func tooFewOrDegenerateSamplesGiveNoFit() {
    #expect(StepTimeModel.fit([(1, 1, 1), (2, 2, 2)]) == nil)
    // Context always equals generation: the columns are collinear.
    #expect(StepTimeModel.fit([(1, 1, 1), (2, 2, 2), (3, 3, 3.5)]) == nil)
  }
}
