import Testing

@testable import ProfileMateCore

@Suite struct CudaGraphPaddingTests {
  /// Sizes [1, 2, 4, 8], FULL_AND_PIECEWISE, no max_num_seqs:
  /// uniform decode 3 tokens × 10 → FULL 4 (padding 10); uniform decode 8 × 5 → FULL 8 (0);
  /// mixed 5 × 2 → PIECEWISE 8 (padding 6); prefill 12 × 1 → eager.
  /// unpadded 30 + 40 + 10 + 12 = 92, padded 40 + 40 + 16 + 12 = 108, padding 16, 16/108 = 14.8148…%.
  static func workload() -> CudaGraphWorkload {
    var w = CudaGraphWorkload()
    w.add(.uniformDecode, tokens: 3, steps: 10)
    w.add(.uniformDecode, tokens: 8, steps: 5)
    w.add(.mixed, tokens: 5, steps: 2)
    w.add(.prefill, tokens: 12, steps: 1)
    return w
  }

  @Test func handWorkedWorkload() {
    let p = CudaGraphPadding(
      Self.workload(), rule: CudaGraphPaddingRule(mode: .fullAndPiecewise, captureSizes: [1, 2, 4, 8]))
    #expect(p.steps == 18)
    #expect(p.unpaddedTokens == 92)
    #expect(p.paddedTokens == 108)
    #expect(p.paddingTokens == 16)
    #expect(abs((p.paddingOverheadPct ?? 0) - 16.0 / 108.0 * 100) < 1e-12)
    #expect(p.eagerSteps == 1 && p.eagerTokens == 12 && p.eagerStepsAboveLargest == 1)
    #expect(p.eagerTokenRange == 12...12)
    #expect(p.byRuntimeMode[.full]?.steps == 15 && p.byRuntimeMode[.full]?.paddingTokens == 10)
    #expect(p.byRuntimeMode[.piecewise]?.paddingTokens == 6)
    #expect(p.topPaddedSizes.map(\.size) == [4, 8])
    #expect(p.topPaddedSizes.map(\.slice.paddingTokens) == [10, 6])
    #expect(p.graphCount == 8)
  }

  @Test func fullDecodeOnlyLeavesMixedStepsEagerAndUnpadded() {
    let p = CudaGraphPadding(
      Self.workload(), rule: CudaGraphPaddingRule(mode: .fullDecodeOnly, captureSizes: [1, 2, 4, 8]))
    // padding only from the uniform decode steps: 10; eager: mixed 5 × 2 and prefill 12
    #expect(p.paddingTokens == 10)
    #expect(p.eagerSteps == 3 && p.eagerTokens == 22)
    #expect(p.eagerStepsAboveLargest == 1)
  }

  @Test func modeNoneCountsNoEagerFallBacks() {
    let p = CudaGraphPadding(Self.workload(), rule: CudaGraphPaddingRule(mode: .none, captureSizes: [1, 2, 4, 8]))
    #expect(p.paddingTokens == 0)
    #expect(p.eagerSteps == 0)
    #expect(p.byRuntimeMode[.none]?.steps == 18)
  }
}
