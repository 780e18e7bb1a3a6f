import ProfileMateCore
import Testing

@testable import Render

@Suite struct ChartTests {
  @Test func linearAxisUsesNiceSteps() {
    // 0…87 in about 5 ticks: raw step 17.4 → 20.
    let a = ChartAxis.linear(0, 87, count: 5)
    #expect(a.ticks == [0, 20, 40, 60, 80, 100])
    #expect(a.lower == 0 && a.upper == 100)
    #expect(a.fraction(50) == 0.5)
    #expect(a.label(60) == "60")
    // 0…0.87: step 0.2, labels with one decimal.
    let b = ChartAxis.linear(0, 0.87, count: 5)
    #expect(b.label(b.ticks[1]) == "0.2")
  }

  @Test func logarithmicAxisSpansWholeDecades() {
    let a = ChartAxis.logarithmic(0.02, 893)
    #expect(a.lower == 0.01 && a.upper == 1000)
    #expect(a.ticks.count == 6)
    #expect(a.label(0.01) == "0.01")
    #expect(a.label(1000) == "1,000")
    #expect(abs(a.fraction(1) - 0.4) < 1e-12)  // log10: (0 − (−2)) / (3 − (−2))
    // Two decades or fewer get 2× and 5× ticks too: 1…100 → 1, 2, 5, 10, 20, 50, 100.
    #expect(ChartAxis.logarithmic(1, 100).ticks.count == 7)
  }

  @Test func downsamplerKeepsSmallSeriesAndExtremesOfLargeOnes() {
    var small = ChartDownsampler(lower: 0, upper: 10, buckets: 10)
    for i in 0..<20 { small.add(x: Double(i) / 2, y: Double(i)) }
    #expect(!small.isReduced)
    #expect(small.points.count == 20)
    var big = ChartDownsampler(lower: 0, upper: 10, buckets: 10)
    // 1000 points, y = i mod 97, plus one spike.
    for i in 0..<1000 { big.add(x: Double(i) / 100, y: i == 555 ? 5000 : Double(i % 97)) }
    #expect(big.isReduced)
    #expect(big.seen == 1000)
    let p = big.points
    #expect(p.count <= 20)
    #expect(p.contains(ChartDownsampler.Point(x: 5.55, y: 5000)))
    #expect(p.map(\.y).min() == 0)
    #expect(p.map(\.x) == p.map(\.x).sorted())
  }

  @Test func binsHaveNiceWidths() {
    // Values 1…129 in at most 48 bins: width 1 needs 129, 2 needs 65, 5 needs 26 (0–4 … 125–129).
    let b = ReportCharts.bins((1...129).map { ($0, 1) })
    #expect(b.count == 26)
    #expect(b[0].lo == 0 && b[0].hi == 4 && b[0].count == 4)
    #expect(b[25].lo == 125 && b[25].count == 5)
    // Few values: unit bins.
    let u = ReportCharts.bins([(3, 2), (5, 1)])
    #expect(u.map(\.count) == [2, 0, 1])
  }

  @Test func stepTimesAreInterpolatedBetweenAnchors() {
    var t = EngineTrace(index: 0)
    for _ in 0..<4 {
      t.steps.append(
        StepRecord(
          contextRequests: 0, contextTokens: 0, generationRequests: 1, generationTokens: 1, elapsedCentiMs: 100,
          kvUsagePermille: nil, isDummy: false))
    }
    // Steps 0 and 1 at second 10, steps 2 and 3 at second 11.
    t.stepTimes = [StepTimeAnchor(index: 0, time: 10), StepTimeAnchor(index: 2, time: 11)]
    var times: [Double] = []
    ReportCharts.stepTimes(t) { _, _, time in times.append(time) }
    #expect(times == [10, 10.5, 11, 11])
  }

  @Test func escaping() {
    #expect(HTMLText.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
  }
}
