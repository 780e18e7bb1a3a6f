import ProfileMateCore
import Testing

/// CUDA-graph economics of the real vLLM 0.15.0 gpt-oss-120b log (capture sizes 1…1024,
/// FULL_AND_PIECEWISE, iteration lines, no tables).
///
/// Expected figures from a few lines of Python over the raw log, independent of the reader:
///
///     pat = re.compile(r'Iteration\(\d+\): (\d+) context requests, (\d+) context tokens, '
///                      r'(\d+) generation requests, (\d+) generation tokens, '
///                      r'iteration elapsed time: ([\d.]+) ms')
///     sizes = [1, 2, 4] + list(range(8, 256, 8)) + list(range(256, 1025, 16))
///     for each step with t = ctx + gen > 0: eager if t > 1024 (padded = t),
///     else padded = sizes[bisect_left(sizes, t)]
///     → 7238 steps, unpadded 3,247,753, padded 3,254,208, padding 6,455 (0.19836 %),
///       469 eager steps with 2,584,269 tokens; graphed steps reach 964 tokens (131 distinct counts).
///     decode steps (ctx requests 0): OLS ms = 4.19818 + 0.0437412·t, R² 0.94027 (6,759 steps).
@Suite struct CudaGraphRealLogTests {
  @Test func gptOss015PaddingEstimateAndFittedList() throws {
    let model = try Fixtures.read(Fixtures.gptOss015)
    let a = RunAnalysis.analyze(model)
    let e = try #require(a.cudagraphEconomics)
    #expect(e.basis == .iterationLines)
    #expect(e.rule.mode == .fullAndPiecewise && e.rule.captureSizes.count == 83 && e.rule.largest == 1024)
    #expect(e.padding.steps == 7238)
    #expect(e.padding.unpaddedTokens == 3_247_753 && e.padding.paddedTokens == 3_254_208)
    #expect(e.padding.paddingTokens == 6455)
    #expect(abs((e.padding.paddingOverheadPct ?? 0) - 0.198_358_556) < 1e-6)
    #expect(e.padding.eagerSteps == 469 && e.padding.eagerTokens == 2_584_269)
    #expect(e.crossCheck == nil)
    let fit = try #require(e.time?.fits[.decode])
    #expect(fit.steps == 6759)
    #expect(abs(fit.interceptMs - 4.198_18) < 1e-4 && abs(fit.msPerToken - 0.043_741_2) < 1e-6)
    #expect(abs((fit.rSquared ?? 0) - 0.940_27) < 1e-4)
    let f = try #require(e.fitted)
    #expect(f.maxSizes == 83 && f.captureSizes.count <= 83)
    // The fit keeps today's largest size (1024): it never narrows what the server covers (issue 12).
    #expect(f.captureSizes.last == 1024)
    #expect(f.padding.eagerSteps == 469)
    #expect(f.padding.paddingTokens < e.padding.paddingTokens)
    #expect(f.flag.hasPrefix("--compilation-config '{\"cudagraph_capture_sizes\": [1, "))
    #expect(f.flag.hasSuffix("\"max_cudagraph_capture_size\": 1024}'"))
    #expect(e.advice.recommended == .fullAndPiecewise && !e.advice.changeAdvised)
    // Fewer graphs: 16 sizes still cover every graphed step.
    let small = try #require(
      RunAnalysis.analyze(model, options: AnalysisOptions(maxCaptureSizes: 16)).cudagraphEconomics?.fitted)
    #expect(small.captureSizes.count <= 16 && small.captureSizes.last == 1024 && small.padding.eagerSteps == 469)
  }
}
