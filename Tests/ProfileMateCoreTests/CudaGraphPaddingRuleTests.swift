import Testing

@testable import ProfileMateCore

/// The §6.3 dispatch rule, on cases worked by hand. Sizes [1, 2, 4, 8]: 3 → 4, 5 → 8, 8 → 8, 9 → eager.
@Suite struct CudaGraphPaddingRuleTests {
  let sizes = [8, 1, 4, 2, 4]

  @Test func fullAndPiecewiseUsesFullForUniformDecodeWithinMaxNumSeqs() {
    let r = CudaGraphPaddingRule(mode: .fullAndPiecewise, captureSizes: sizes, maxNumSeqs: 4)
    #expect(r.captureSizes == [1, 2, 4, 8])
    #expect(r.dispatch(tokens: 3, uniformDecode: true) == (.full, 4))
    // 5 pads to 8 > 4·1: no FULL decode graph of that size, the piecewise one serves it
    #expect(r.dispatch(tokens: 5, uniformDecode: true) == (.piecewise, 8))
    #expect(r.dispatch(tokens: 3, uniformDecode: false) == (.piecewise, 4))
    #expect(r.dispatch(tokens: 8, uniformDecode: false) == (.piecewise, 8))
    #expect(r.dispatch(tokens: 9, uniformDecode: true) == (.none, 9))
    // graphs: 4 piecewise + FULL decode for sizes in [1, 4] = 1, 2, 4
    #expect(r.graphCount == 7)
  }

  @Test func fullDecodeOnlyRunsEverythingElseEagerlyWithoutPadding() {
    let r = CudaGraphPaddingRule(mode: .fullDecodeOnly, captureSizes: sizes, maxNumSeqs: 4)
    #expect(r.dispatch(tokens: 3, uniformDecode: true) == (.full, 4))
    #expect(r.dispatch(tokens: 3, uniformDecode: false) == (.none, 3))
    #expect(r.dispatch(tokens: 5, uniformDecode: true) == (.none, 5))
    #expect(r.graphCount == 3)
  }

  @Test func simpleModes() {
    let piecewise = CudaGraphPaddingRule(mode: .piecewise, captureSizes: sizes)
    #expect(piecewise.dispatch(tokens: 3, uniformDecode: true) == (.piecewise, 4))
    #expect(piecewise.graphCount == 4)
    let full = CudaGraphPaddingRule(mode: .full, captureSizes: sizes)
    #expect(full.dispatch(tokens: 5, uniformDecode: false) == (.full, 8))
    #expect(full.dispatch(tokens: 1, uniformDecode: true) == (.full, 1))
    #expect(full.graphCount == 4)
    let none = CudaGraphPaddingRule(mode: .none, captureSizes: sizes)
    #expect(none.dispatch(tokens: 3, uniformDecode: true) == (.none, 3))
    #expect(none.graphCount == 0)
  }

  @Test func speculativeDecodeBoundsFullGraphsByQueryLength() {
    // q = 2, max_num_seqs 2: FULL decode graphs for padded sizes in [2, 4]
    let r = CudaGraphPaddingRule(mode: .fullAndPiecewise, captureSizes: [1, 2, 4, 8], maxNumSeqs: 2, decodeQueryLen: 2)
    #expect(r.dispatch(tokens: 4, uniformDecode: true) == (.full, 4))
    #expect(r.dispatch(tokens: 1, uniformDecode: true) == (.piecewise, 1))
    #expect(r.dispatch(tokens: 6, uniformDecode: true) == (.piecewise, 8))
    #expect(r.graphCount == 4 + 2)
  }

  @Test func noSizesMeansEager() {
    let r = CudaGraphPaddingRule(mode: .fullAndPiecewise, captureSizes: [])
    #expect(r.dispatch(tokens: 1, uniformDecode: true) == (.none, 1))
    #expect(r.largest == nil)
  }

  @Test func modeNames() {
    #expect(CudaGraphMode(name: "FULL_AND_PIECEWISE") == .fullAndPiecewise)
    #expect(CudaGraphMode(name: "CUDAGraphMode.FULL_DECODE_ONLY") == .fullDecodeOnly)
    #expect(CudaGraphMode(name: "piecewise") == .piecewise)
    #expect(CudaGraphMode(name: "HALF") == nil)
  }
}
