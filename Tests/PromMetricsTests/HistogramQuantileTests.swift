import Testing

@testable import PromMetrics

/// Expected values worked by hand from PromQL's rules: rank = φ × (+Inf count); the first bucket whose
/// cumulative count ≥ rank; linear interpolation from the previous bound (0 below the first bucket).
@Suite struct HistogramQuantileTests {
  func q(_ phi: Double, _ b: [(Double, Double)]) -> Double {
    HistogramQuantile.bucketQuantile(phi, b.map { (upperBound: $0.0, count: $0.1) })
  }

  @Test func interpolatesLinearlyInsideTheBucket() {
    let b: [(Double, Double)] = [(1, 2), (2, 4), (.infinity, 4)]
    #expect(q(0.5, b) == 1)  // rank 2 → bucket (0,1], 0 + 1 × 2/2
    #expect(q(0.75, b) == 1.5)  // rank 3 → bucket (1,2], 1 + 1 × (3−2)/(4−2)
    #expect(q(1, b) == 2)  // rank 4 → bucket (1,2], 1 + 1 × 2/2
    #expect(q(0.25, b) == 0.5)  // rank 1 → 0 + 1 × 1/2
  }

  @Test func quantileInTheInfBucketIsTheLastFiniteBound() {
    #expect(q(0.5, [(1, 1), (2, 2), (.infinity, 10)]) == 2)
  }

  @Test func firstBucketWithNonPositiveBoundReturnsTheBound() {
    #expect(q(0.2, [(-1, 5), (1, 10), (.infinity, 10)]) == -1)
    // Positive first bound: lower bound 0; rank 1.5 of 3 → 0 + 4 × 1.5/3.
    #expect(q(0.5, [(4, 3), (.infinity, 3)]) == 2)
  }

  @Test func emptyOrIncompleteHistogramsGiveNaN() {
    #expect(q(0.5, [(1, 0), (2, 0), (.infinity, 0)]).isNaN)
    #expect(q(0.5, [(1, 1), (2, 2)]).isNaN)  // no +Inf bucket
    #expect(q(0.5, [(.infinity, 3)]).isNaN)  // fewer than two buckets
    #expect(q(0.5, []).isNaN)
    #expect(q(.nan, [(1, 1), (.infinity, 1)]).isNaN)
    #expect(q(-0.1, [(1, 1), (.infinity, 1)]) == -.infinity)
    #expect(q(1.1, [(1, 1), (.infinity, 1)]) == .infinity)
    #expect(
      Histogram(buckets: [.init(upperBound: 1, count: 0), .init(upperBound: .infinity, count: 0)]).quantile(0.9)
        == nil)
  }

  @Test func nonMonotonicBucketsAreFlattenedAsPrometheusDoes() {
    // Counts 5, 3, 8, 8 → envelope 5, 5, 8, 8.
    let b: [(Double, Double)] = [(1, 5), (2, 3), (3, 8), (.infinity, 8)]
    #expect(q(0.5, b) == 0.8)  // rank 4 → 0 + 1 × 4/5
    #expect(abs(q(0.75, b) - (2 + 1.0 / 3)) < 1e-12)  // rank 6 → 2 + 1 × (6−5)/(8−5)
  }

  @Test func unsortedInputAndDuplicateBoundsAreHandled() {
    // Sorted → (1,2),(1,2),(+Inf,4) → merged (1,4),(+Inf,4); rank 2 → 0 + 1 × 2/4.
    #expect(q(0.5, [(.infinity, 4), (1, 2), (1, 2)]) == 0.5)
  }

  @Test func noiseSizedDecreasesAreIgnored() {
    // 1e13 then 1e13 − 1: relative difference 5e-14 ≤ 1e-12, carried forward as 1e13.
    let b: [(Double, Double)] = [(1, 1e13), (2, 1e13 - 1), (.infinity, 2e13)]
    #expect(q(0.5, b) == 1)  // rank 1e13 → first bucket, 0 + 1 × 1e13/1e13
  }
}
