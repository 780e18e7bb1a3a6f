import Testing

@testable import ProfileMateCore

@Suite struct DistributionTests {
  // Expected values worked by hand with numpy's linear rule: rank h = (n − 1)·p/100.
  @Test func percentilesInterpolateBetweenClosestRanks() throws {
    // n = 4: p50 at h = 1.5 → 20 + 0.5·(30 − 20) = 25; p90 at h = 2.7 → 30 + 0.7·10 = 37;
    // p99 at h = 2.97 → 30 + 0.97·10 = 39.7.
    let d = try #require(Distribution([40, 10, 30, 20]))
    #expect(d.count == 4)
    #expect(d.total == 100)
    #expect(d.mean == 25)
    #expect(d.min == 10 && d.max == 40)
    #expect(abs(d.p50 - 25) < 1e-9)
    #expect(abs(d.p90 - 37) < 1e-9)
    #expect(abs(d.p99 - 39.7) < 1e-9)
  }

  @Test func singleValueIsEveryPercentile() throws {
    let d = try #require(Distribution([7.5]))
    #expect(d.p50 == 7.5 && d.p90 == 7.5 && d.p99 == 7.5)
  }

  @Test func emptySampleHasNoDistribution() {
    #expect(Distribution([]) == nil)
    #expect(Distribution.percentile(sorted: [], 50).isNaN)
  }

  @Test func endpointsAreMinAndMax() {
    let sorted: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
    #expect(Distribution.percentile(sorted: sorted, 0) == 1)
    #expect(Distribution.percentile(sorted: sorted, 100) == 11)
    // h = 10·0.9 = 9 exactly → the 10th value.
    #expect(Distribution.percentile(sorted: sorted, 90) == 10)
  }
}
