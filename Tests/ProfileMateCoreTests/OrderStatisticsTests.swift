import Testing

@testable import ProfileMateCore

@Suite struct OrderStatisticsTests {
  /// Feeds `values` through both passes, as StepAnalysis does.
  private func summarize(_ values: [UInt32], scale: Double = 1) -> Distribution? {
    var s = OrderStatistics()
    for v in values { s.add(v) }
    if s.beginSecondPass() {
      for v in values.reversed() { s.refine(v) }  // the second pass may see any order
    }
    return s.distribution(scale: scale)
  }

  @Test func smallSeriesMatchesSorting() throws {
    let values: [UInt32] = [40, 10, 30, 20]
    let d = try #require(summarize(values, scale: 10))
    // Worked by hand: scaled values 1, 2, 3, 4; p50 at rank 1.5 = 2.5; p90 at 2.7 = 3.7; p99 at 2.97 = 3.97.
    #expect(d.count == 4 && d.total == 10 && d.mean == 2.5 && d.min == 1 && d.max == 4)
    #expect(abs(d.p50 - 2.5) < 1e-12 && abs(d.p90 - 3.7) < 1e-12 && abs(d.p99 - 3.97) < 1e-12)
  }

  @Test(arguments: [4_097, 10_000, 65_537])
  func countingModeEqualsSorting(n: Int) throws {
    // Values that spread over many high buckets, with duplicates, from a fixed linear congruential sequence.
    var x: UInt64 = 0x9E37_79B9_7F4A_7C15
    var values: [UInt32] = []
    for i in 0..<n {
      x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      values.append(i % 7 == 0 ? 123_456 : UInt32(truncatingIfNeeded: x >> 40))
    }
    let got = try #require(summarize(values, scale: 100))
    let want = try #require(Distribution(values.map { Double($0) / 100 }))
    #expect(got.count == want.count && got.min == want.min && got.max == want.max)
    #expect(abs(got.total - want.total) <= want.total * 1e-12)
    for (a, b) in [(got.p50, want.p50), (got.p90, want.p90), (got.p99, want.p99)] {
      #expect(abs(a - b) < 1e-9, "\(a) != \(b)")
    }
  }

  @Test func extremeValuesAreExact() throws {
    var values = [UInt32](repeating: 5, count: 5_000)
    values.append(UInt32.max)
    values.append(0)
    let d = try #require(summarize(values))
    #expect(d.min == 0 && d.max == Double(UInt32.max))
    #expect(d.p50 == 5)
    // 5 002 values: p99 at rank 4 950.99, both neighbours are 5.
    #expect(d.p99 == 5)
  }

  @Test func emptyHasNoDistribution() {
    var s = OrderStatistics()
    let needsSecondPass = s.beginSecondPass()
    #expect(!needsSecondPass)
    #expect(s.distribution() == nil)
  }
}
