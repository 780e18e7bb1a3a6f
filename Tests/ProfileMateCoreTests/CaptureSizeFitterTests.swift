import Testing

@testable import ProfileMateCore

/// A small deterministic generator (SplitMix64), so failures reproduce.
private struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

@Suite struct CaptureSizeFitterTests {
  /// {1: 5, 3: 1, 4: 10}. K = 2 must keep 4; {1, 4} pads 3→4 once (1), {3, 4} pads 1→3 five times (10).
  /// K = 1: {4} pads 5·3 + 1·1 = 16.
  @Test func handWorked() {
    let h = [1: 5, 3: 1, 4: 10]
    #expect(CaptureSizeFitter.fit(h, maxSizes: 2) == .init(captureSizes: [1, 4], paddingTokens: 1))
    #expect(CaptureSizeFitter.fit(h, maxSizes: 1) == .init(captureSizes: [4], paddingTokens: 16))
    #expect(CaptureSizeFitter.fit(h, maxSizes: 3) == .init(captureSizes: [1, 3, 4], paddingTokens: 0))
    #expect(CaptureSizeFitter.fit(h, maxSizes: 9) == .init(captureSizes: [1, 3, 4], paddingTokens: 0))
    #expect(CaptureSizeFitter.fit([:], maxSizes: 3) == .init(captureSizes: [], paddingTokens: 0))
  }

  /// The list reaches `largest` (today's largest capture size) even where no step needs it: a fit never
  /// narrows what the server covers. {1: 5, 3: 3} with largest 8, K = 2: {1, 8} pads 3·5 = 15, {3, 8} pads
  /// 5·2 = 10; K = 1: {8} pads 5·7 + 3·5 = 50. A smaller `largest` (the user's --max-size 2) leaves the
  /// 3-token steps out of the fit (they run eagerly): {1, 2} pads nothing.
  @Test func keepsTheLargestSize() {
    let h = [1: 5, 3: 3]
    #expect(CaptureSizeFitter.fit(h, maxSizes: 2, largest: 8) == .init(captureSizes: [3, 8], paddingTokens: 10))
    #expect(CaptureSizeFitter.fit(h, maxSizes: 1, largest: 8) == .init(captureSizes: [8], paddingTokens: 50))
    #expect(CaptureSizeFitter.fit(h, maxSizes: 2, largest: 2) == .init(captureSizes: [1, 2], paddingTokens: 0))
    #expect(CaptureSizeFitter.fit(h, maxSizes: 2, largest: 3) == .init(captureSizes: [1, 3], paddingTokens: 0))
  }

  /// Least padding over every list of ≤ k sizes drawn from 1…limit whose largest covers the histogram (and is
  /// `largest` when given, counts above it left out): all 2^limit subsets, no assumption about candidates.
  private func bruteForce(_ h: [Int: Int], k: Int, limit: Int, largest required: Int? = nil) -> Int {
    let h = h.filter { $0.key <= (required ?? Int.max) }
    let top = h.keys.max() ?? 0
    var best = Int.max
    for mask in 1..<(1 << limit) where mask.nonzeroBitCount <= k {
      let sizes = (1...limit).filter { mask & (1 << ($0 - 1)) != 0 }
      guard let largest = sizes.last, largest >= top else { continue }
      if let required, largest != required { continue }
      var padding = 0
      for (tokens, steps) in h {
        guard let s = sizes.first(where: { $0 >= tokens }) else { continue }
        padding += (s - tokens) * steps
      }
      best = min(best, padding)
    }
    return best
  }

  @Test func optimalAgainstBruteForceOnSmallRandomHistograms() {
    var rng = SplitMix(state: 20_240_601)
    let limit = 12
    for _ in 0..<300 {
      var h: [Int: Int] = [:]
      for _ in 0..<Int.random(in: 1...7, using: &rng) {
        h[Int.random(in: 1...limit, using: &rng)] = Int.random(in: 1...20, using: &rng)
      }
      let k = Int.random(in: 1...5, using: &rng)
      let fit = CaptureSizeFitter.fit(h, maxSizes: k)
      #expect(fit.paddingTokens == bruteForce(h, k: k, limit: limit), "histogram \(h), k \(k)")
      #expect(fit.captureSizes.count <= k)
      #expect(fit.captureSizes == fit.captureSizes.sorted())
      // covers every step: nothing that ran in a graph falls back to eager
      #expect(fit.captureSizes.last == h.keys.max())
      // with a required largest size, anywhere in 1…limit
      let largest = Int.random(in: 1...limit, using: &rng)
      let bounded = CaptureSizeFitter.fit(h, maxSizes: k, largest: largest)
      let expected = bruteForce(h, k: k, limit: limit, largest: largest)
      #expect(bounded.paddingTokens == expected, "histogram \(h), k \(k), largest \(largest)")
      #expect(bounded.captureSizes.last == largest && bounded.captureSizes.count <= k)
    }
  }

  /// Through the whole economics: under every mode, the fitted list keeps each step's graph (eager steps
  /// unchanged) and, allowed as many sizes as the current list, never pads more than it.
  @Test func fittedListNeverAddsEagerFallBacks() {
    var rng = SplitMix(state: 7)
    for _ in 0..<200 {
      var w = CudaGraphWorkload()
      for _ in 0..<Int.random(in: 1...12, using: &rng) {
        let c = CudaGraphStepClass.allCases.randomElement(using: &rng) ?? .mixed
        w.add(c, tokens: Int.random(in: 1...40, using: &rng), steps: Int.random(in: 1...9, using: &rng))
      }
      let sizes = (0..<Int.random(in: 1...6, using: &rng)).map { _ in Int.random(in: 1...32, using: &rng) }
      let mode = CudaGraphMode.allCases.randomElement(using: &rng) ?? .fullAndPiecewise
      let seqs: Int? = Bool.random(using: &rng) ? Int.random(in: 1...24, using: &rng) : nil
      let rule = CudaGraphPaddingRule(mode: mode, captureSizes: sizes, maxNumSeqs: seqs)
      let e = CudaGraphEconomics(workload: w, rule: rule, basis: .histogram)
      guard let f = e.fitted else {
        #expect(e.padding.eagerSteps == e.padding.steps || mode == .none)
        continue
      }
      #expect(f.padding.eagerSteps == e.padding.eagerSteps, "mode \(mode) sizes \(sizes)")
      #expect(f.padding.eagerTokens == e.padding.eagerTokens)
      #expect(f.padding.paddingTokens <= e.padding.paddingTokens, "mode \(mode) sizes \(sizes)")
      #expect(f.captureSizes.count <= rule.captureSizes.count)
      // never narrower than today's list
      #expect(f.captureSizes.last == rule.captureSizes.max(), "mode \(mode) sizes \(sizes)")
    }
  }
}
