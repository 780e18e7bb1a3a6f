import ProfileMateCore
import Testing
import VLLMLog

/// Iteration lines of spec §2, both variants.
@Suite struct LogReaderIterationTests {
  @Test func v014FormFromTheEngineCoreProcess() throws {
    let m = Snippet.read([
      "(EngineCore_DP1 pid=7) INFO 05-13 10:01:02 [core.py:900] "
        + Snippet.iteration(7, ctxReqs: 1, ctxTokens: 2224, genReqs: 0, genTokens: 0, ms: "119.54")
    ])
    let step = try #require(m.engine(1)?.steps.first)
    #expect(step.kind(decodeQueryLen: 1) == .prefill)
    #expect(step.contextRequests == 1 && step.contextTokens == 2224)
    #expect(step.elapsedCentiMs == 11_954)
    #expect(step.kvUsagePct == nil && !step.isDummy)
    #expect(m.engine(1)?.firstStepLine == 1)
  }

  @Test func v023DummySuffix() throws {
    let m = Snippet.read([
      "INFO 05-13 10:01:02 [core.py:900] "
        + Snippet.iteration(8, ctxReqs: 0, ctxTokens: 0, genReqs: 0, genTokens: 0, ms: "0.03") + " (dummy)"
    ])
    let step = try #require(m.engines.first?.steps.first)
    #expect(step.isDummy && step.kind(decodeQueryLen: 1) == .idle && step.elapsedCentiMs == 3)
  }

  @Test func v026FormWithEnginePrefixAndKVSuffix() throws {
    let m = Snippet.read([
      Snippet.v1 + "Engine 002: "
        + Snippet.iteration(3, ctxReqs: 2, ctxTokens: 100, genReqs: 5, genTokens: 5, ms: "20.50")
        + ", GPU KV cache usage: 1.3%",
      Snippet.v1 + "Engine 002: "
        + Snippet.iteration(4, ctxReqs: 0, ctxTokens: 0, genReqs: 0, genTokens: 0, ms: "0.05")
        + " (dummy), GPU KV cache usage: 0.0%",
      Snippet.v1 + "Engine 002: "
        + Snippet.iteration(5, ctxReqs: 0, ctxTokens: 0, genReqs: 3, genTokens: 3, ms: "4.00")
        + ", CPU KV cache usage: 12.3%",
      Snippet.v1 + "Engine 002: "
        + Snippet.iteration(6, ctxReqs: 1, ctxTokens: 576, genReqs: 0, genTokens: 0, ms: "30.00")
        + ", GPU KV cache usage: 4.5%, encoder inputs: 1, encoder output embeddings: 576",
    ])
    #expect(m.engines.map(\.index) == [2])
    let steps = Array(try #require(m.engine(2)).steps)
    #expect(steps.map { $0.kind(decodeQueryLen: 1) } == [.mixed, .idle, .decode, .prefill])
    #expect(steps.map(\.kvUsagePct) == [1.3, 0.0, 12.3, 4.5])
    #expect(steps.map(\.isDummy) == [false, true, false, false])
    #expect(steps.map(\.elapsedCentiMs) == [2050, 5, 400, 3000])
    #expect(m.engine(2)?.maxStepKVUsagePct == Sourced(12.3, line: 3))
    #expect(m.engine(2)?.slowestStepLine == 4)
    #expect(m.coverage.byKind["iteration"] == 4)
  }

  @Test func stepAnalysisOverIterationLines() throws {
    // prefill 10 ms (100 tokens); decode 5 ms (4 reqs) and 7 ms (2 reqs); mixed 20 ms (50 + 3 tokens).
    // total 42 ms; decode share 12/42 = 28.5714 %; decode p50 (5 + 7)/2 = 6; mixed/decode = 20/6.
    // tokens 150 + 9 = 159 over 0.042 s = 3785.714 tokens/s.
    let e = Snippet.v1 + "Engine 000: "
    let m = Snippet.read([
      e + Snippet.iteration(0, ctxReqs: 1, ctxTokens: 100, genReqs: 0, genTokens: 0, ms: "10.00"),
      e + Snippet.iteration(1, ctxReqs: 0, ctxTokens: 0, genReqs: 4, genTokens: 4, ms: "5.00"),
      e + Snippet.iteration(2, ctxReqs: 0, ctxTokens: 0, genReqs: 2, genTokens: 2, ms: "7.00"),
      e + Snippet.iteration(3, ctxReqs: 1, ctxTokens: 50, genReqs: 3, genTokens: 3, ms: "20.00"),
    ])
    let s = try #require(RunAnalysis.analyze(m).steps)
    #expect(s.count == 4)
    #expect(s.contextTokens == 150 && s.generationTokens == 9)
    #expect(abs(s.totalMs - 42) < 1e-9)
    #expect(s.byKind[.decode]?.count == 2)
    #expect(abs((s.byKind[.decode]?.sharePct ?? 0) - 28.571_428_571) < 1e-6)
    #expect(s.byKind[.decode]?.time?.p50 == 6)
    #expect(s.byKind[.idle]?.count == 0 && s.byKind[.idle]?.time == nil)
    #expect(abs((s.mixedToDecodeMedianRatio ?? 0) - 20.0 / 6.0) < 1e-9)
    #expect(s.decodeBatchSize?.mean == 3)
    #expect(abs((s.tokensPerSecond ?? 0) - 3785.714_285_7) < 1e-4)
    #expect(s.firstLine == 1 && s.lastLine == 4 && s.slowestLine == 4)
    #expect(s.tokenHistogram.map(\.tokens) == [2, 4, 53, 100])
  }

  @Test func oversizedCountsSaturateAndAreCounted() throws {
    let m = Snippet.read([
      Snippet.v1 + "Engine 000: "
        + Snippet.iteration(0, ctxReqs: 70_000, ctxTokens: 20_000_000, genReqs: 0, genTokens: 0, ms: "1.00")
    ])
    #expect(m.coverage.saturatedSteps == 1)
    let step = try #require(m.engines.first?.steps.first)
    #expect(step.contextTokens == StepRecord.maxTokens && step.contextRequests == StepRecord.maxRequests)
  }

  @Test func malformedIterationLineIsNotAStep() {
    let m = Snippet.read([
      Snippet.v1 + "Engine 000: Iteration(9): garbage",
      Snippet.v1 + "Engine 000: Iteration(9): 1 context requests, 5 context tokens",
    ])
    #expect(m.engines.allSatisfy { $0.steps.isEmpty })
    #expect(m.coverage.unrecognized == 2)
  }
}
