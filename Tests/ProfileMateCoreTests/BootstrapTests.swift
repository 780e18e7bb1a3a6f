import Testing

@testable import ProfileMateCore

@Suite struct BootstrapTests {
  @Test func oneResampleIsDrawnAsCountsOverPositions() {
    // Seed 42, n = 5: indices (x·5)>>64 are [3, 0, 1, 1, 0] → resample [10, 10, 20, 20, 40]:
    // median 20; p99 at rank 3.96 → 20 + 0.96·(40 − 20) = 39.2. The next five: [4, 1, 4, 1, 3] →
    // [20, 20, 40, 50, 50]: median 40, p99 50.
    var rng = SplitMix64(seed: 42)
    var counts = [Int32](repeating: 0, count: 5)
    let values: [UInt32] = [10, 20, 30, 40, 50]
    let first = Bootstrap.resampledPercentiles(values, [50, 99], counts: &counts, rng: &rng)
    #expect(first[0] == 20)
    #expect(abs(first[1] - 39.2) < 1e-9)
    #expect(Bootstrap.resampledPercentiles(values, [50, 99], counts: &counts, rng: &rng) == [40, 50])
  }

  @Test func constantSamplesGiveAPointInterval() {
    // Every resample of [1000, 1000, …] has median 1000 (10 ms at scale 100); of B 1500 (15 ms).
    var rng = SplitMix64(seed: 1)
    let i = Bootstrap.differences(
      [UInt32](repeating: 1000, count: 50), [UInt32](repeating: 1500, count: 40), percentiles: [50, 99],
      settings: BootstrapSettings(resamples: 200), rng: &rng, scale: 100)
    #expect(i == [ConfidenceInterval(lower: 5, upper: 5), ConfidenceInterval(lower: 5, upper: 5)])
    #expect(ChangeVerdict.judge(i[0], lowerIsBetter: true) == .worse)
    #expect(ChangeVerdict.judge(i[0], lowerIsBetter: false) == .better)
  }

  @Test func identicalSamplesHoldZero() {
    let values = (1...400).map { UInt32($0 * 7 % 1000) }.sorted()
    var rng = SplitMix64(seed: 7)
    let i = Bootstrap.differences(values, values, percentiles: [50, 99], settings: BootstrapSettings(), rng: &rng)
    #expect(i[0].contains(0))
    #expect(i[1].contains(0))
    #expect(ChangeVerdict.judge(i[0], lowerIsBetter: true) == .noSignificantChange)
  }

  @Test func aClearShiftIsFoundAndTheResultIsDeterministic() {
    // A = 100…199, B = A + 50: every resample's median difference is near 50, far from 0.
    let a = (100..<200).map { UInt32($0) }
    let b = a.map { $0 + 50 }
    var r1 = SplitMix64(seed: 3)
    var r2 = SplitMix64(seed: 3)
    let x = Bootstrap.differences(a, b, percentiles: [50], settings: BootstrapSettings(resamples: 500), rng: &r1)
    let y = Bootstrap.differences(a, b, percentiles: [50], settings: BootstrapSettings(resamples: 500), rng: &r2)
    #expect(x == y)
    #expect(x[0].lower > 30 && x[0].upper < 70)
    #expect(ChangeVerdict.judge(x[0], lowerIsBetter: true) == .worse)
  }

  @Test func verdictWithoutAnIntervalIsNotTested() {
    #expect(ChangeVerdict.judge(nil, lowerIsBetter: true) == .notTested)
    #expect(ChangeVerdict.judge(ConfidenceInterval(lower: -2, upper: -1), lowerIsBetter: true) == .better)
  }
}
