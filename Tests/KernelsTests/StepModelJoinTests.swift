import Kernels
import ProfileMateCore
import Synchronization
import Testing

/// A cost model that records the shapes it is asked about and answers a fixed function of them.
final class RecordingCostModel: StepCostModel {
  let asked = Mutex<[StepShape]>([])

  func cost(of step: StepShape) -> StepCost? {
    asked.withLock { $0.append(step) }
    return StepCost(flops: Double(step.tokens) * 1e6, bytes: Double(step.prefillContext + step.decodeContext) * 1e3)
  }

  func peakFLOPS(on gpu: GPUSpec) -> Double { gpu.bf16FLOPS }

  func kvTokens(usagePct: Double, requests: Int) -> Double? { nil }
}

/// Trace steps joined with the analytic step model through vLLM's detailed step labels.
@Suite struct StepModelJoinTests {
  @Test func detailedLabelsGiveTheSequenceSums() throws {
    let s = try #require(
      VLLMStepShape(label: "execute_24_context_1(sq23sk23sqsq529sqsk529)_generation_1(sq1sk30sqsq1sqsk30)"))
    #expect(s.contextRequests == 1 && s.contextTokens == 23 && s.contextSequenceSum == 23)
    #expect(s.generationRequests == 1 && s.generationTokens == 1 && s.generationSequenceSum == 30)
    #expect(
      s.stepShape
        == StepShape(
          prefillRequests: 1, prefillTokens: 23, prefillContext: 23, decodeRequests: 1, decodeTokens: 1,
          decodeContext: 30))
    // The plain form has no sums, so no shape for the model; malformed labels are not shapes at all.
    #expect(VLLMStepShape(label: "execute_context_1(23)_generation_0(0)")?.stepShape == nil)
    for bad in [
      "execute_24_context_1(sq23sk)_generation_1(sq1sk30sqsq1sqsk30)",
      "execute_x_context_1(sq1sk1sqsq1sqsk1)_generation_0(sq0sk0sqsq0sqsk0)",
      "execute_context_1(23)", "execute_2_context_1(sq1sk1sqsq1sqsk1x)_generation_0(sq0sk0sqsq0sqsk0)",
    ] {
      #expect(VLLMStepShape(label: bad) == nil, "\(bad)")
    }
  }

  @Test func eachLabelledStepGetsTheModelsCost() throws {
    let json = """
      {"traceEvents": [
        {"ph": "X", "cat": "user_annotation", "name": "ProfilerStep#3", "pid": 1, "tid": 1, "ts": 0, "dur": 2000},
        {"ph": "X", "cat": "user_annotation", "name": "execute_65_context_2(sq64sk64sqsq2048sqsk2048)_generation_1(sq1sk40sqsq1sqsk40)", "pid": 1, "tid": 1, "ts": 1, "dur": 1990},
        {"ph": "X", "cat": "user_annotation", "name": "ProfilerStep#4", "pid": 1, "tid": 1, "ts": 3000, "dur": 1000},
        {"ph": "X", "cat": "user_annotation", "name": "execute_context_0(0)_generation_3(3)", "pid": 1, "tid": 1, "ts": 3001, "dur": 990}
      ]}
      """
    let model = RecordingCostModel()
    let r = try KernelInput.report(Array(json.utf8), costModel: model)
    let steps = try #require(r.trace?.steps)
    #expect(
      model.asked.withLock { $0 }
        == [
          StepShape(
            prefillRequests: 2, prefillTokens: 64, prefillContext: 64, decodeRequests: 1, decodeTokens: 1,
            decodeContext: 40)
        ])
    // 65 tokens × 1e6 FLOPs, (64 + 40) × 1e3 bytes; the plain-label step is not modelled.
    #expect(steps[0].model == StepCost(flops: 65e6, bytes: 104e3))
    #expect(steps[1].model == nil)
  }
}
