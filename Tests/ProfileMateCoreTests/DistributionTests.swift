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

@Suite struct DistributionMoreTests {
  @Test func unsortedInputWithDuplicates() throws {
    // sorted [1, 2, 2, 3]: p50 at h = 1.5 → 2; p90 at h = 2.7 → 2 + 0.7·1 = 2.7; p99 at h = 2.97 → 2.97.
    let d = try #require(Distribution([3, 1, 2, 2]))
    #expect(d.total == 8 && d.mean == 2)
    #expect(d.min == 1 && d.max == 3)
    #expect(abs(d.p50 - 2) < 1e-12)
    #expect(abs(d.p90 - 2.7) < 1e-12)
    #expect(abs(d.p99 - 2.97) < 1e-12)
  }

  @Test func thousandValuesMatchNumpy() throws {
    // numpy.percentile(numpy.arange(1, 1001), [50, 90, 99]) → 500.5, 900.1, 990.01
    let d = try #require(Distribution((1...1000).map(Double.init)))
    #expect(abs(d.p50 - 500.5) < 1e-9)
    #expect(abs(d.p90 - 900.1) < 1e-9)
    #expect(abs(d.p99 - 990.01) < 1e-9)
    #expect(d.total == 500_500)
    #expect(d.mean == 500.5)
  }

  @Test func twoValuesInterpolate() throws {
    // h = p/100 for n = 2: p50 = 50, p90 = 90, p99 = 99 between 0 and 100.
    let d = try #require(Distribution([100, 0]))
    #expect(abs(d.p50 - 50) < 1e-12)
    #expect(abs(d.p90 - 90) < 1e-12)
    #expect(abs(d.p99 - 99) < 1e-12)
  }

  @Test func negativeValues() throws {
    let d = try #require(Distribution([-5, 5]))
    #expect(d.mean == 0 && d.p50 == 0 && d.min == -5)
  }

  @Test func sortedInitialiserAgreesWithUnsorted() throws {
    let values: [Double] = [9.57, 0.03, 119.54, 4.45, 4.45, 65.81]
    #expect(Distribution(values) == Distribution(sorted: values.sorted()))
    #expect(Distribution(sorted: []) == nil)
  }
}
