import ProfileMateCore
import Testing

@testable import PromMetrics

/// ``Histogram/delta(since:)`` against the bound-by-bound lookup it had before its same-bounds shortcut
/// (kept here): equal results on random pairs with equal, shifted, duplicated and NaN bounds.
@Suite struct HistogramDeltaTests {
  static func reference(_ h: Histogram, since earlier: Histogram) -> Histogram {
    if let c0 = earlier.created, let c1 = h.created, c0 != c1 { return h }
    if h.observations < earlier.observations { return h }
    func d(_ now: Double, _ before: Double?) -> Double {
      guard let before else { return now }
      return now >= before ? now - before : now
    }
    var previousByBound: [Double: Double] = [:]
    for b in earlier.buckets { previousByBound[b.upperBound] = b.count }
    var out = h
    out.buckets = h.buckets.map {
      Histogram.Bucket(upperBound: $0.upperBound, count: d($0.count, previousByBound[$0.upperBound]))
    }
    out.count = h.count.map { d($0, earlier.count) }
    out.sum = h.sum.map { d($0, earlier.sum) }
    return out
  }

  static func random(_ g: inout SplitMix64, bounds: [Double]) -> Histogram {
    var c = 0.0
    let buckets = bounds.enumerated().map { i, b in
      c += Double(Int.random(in: 0..<4, using: &g))
      return Histogram.Bucket(upperBound: b, count: c, line: i + 1)
    }
    return Histogram(
      buckets: buckets, count: Bool.random(using: &g) ? c : nil, sum: Double(Int.random(in: 0..<50, using: &g)),
      line: 1)
  }

  @Test(arguments: 0..<200)
  func sameAsTheLookup(seed: UInt64) {
    var g = SplitMix64(seed: 0xDE17A + seed)
    let layouts: [[Double]] = [
      [0.1, 1, .infinity], [0.1, 0.5, 1, .infinity], [0.1, 0.1, 1, .infinity], [.nan, 1, .infinity], [], [1],
    ]
    let a = layouts.randomElement(using: &g)!
    let b = Bool.random(using: &g) ? a : layouts.randomElement(using: &g)!
    let earlier = Self.random(&g, bounds: a)
    let later = Self.random(&g, bounds: b)
    let got = later.delta(since: earlier)
    let want = Self.reference(later, since: earlier)
    // NaN counts cannot occur (counts are sums of small integers); NaN bounds compare by their bits.
    #expect(got.buckets.map(\.count) == want.buckets.map(\.count), "seed \(seed)")
    #expect(got.buckets.map(\.upperBound.bitPattern) == want.buckets.map(\.upperBound.bitPattern))
    #expect(got.buckets.map(\.line) == want.buckets.map(\.line))
    #expect(got.count == want.count && got.sum == want.sum && got.created == want.created)
  }
}
