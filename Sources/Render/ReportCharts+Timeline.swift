import ProfileMateCore
import PromMetrics

extension ReportCharts {
  /// Element ids of the charts of a `/metrics` recording.
  enum TimelineID {
    static let requests = "chart-metrics-requests"
    static let kvUsage = "chart-metrics-kv"
    static let throughput = "chart-metrics-throughput"
  }

  /// The charts of a run directory's `/metrics` recording over time: running and waiting requests, KV-cache
  /// usage and token throughput per scrape interval, one line per engine (the first few).
  mutating func timelineCharts(_ timeline: MetricsTimeline) {
    let engines = Array(timeline.engines.filter { !$0.points.isEmpty }.prefix(Self.maxEnginesDrawn))
    guard timeline.scrapeCount >= 2, !engines.isEmpty else { return }
    let xMax = max(timeline.spanSeconds, 1)
    let xLabel = "time since the recording's first scrape (s)"
    func series(_ name: String, _ cls: String, _ value: (TimelinePoint) -> Double?) -> [SVGXYChart.Series] {
      engines.enumerated().compactMap { i, e in
        var d = ChartDownsampler(lower: 0, upper: xMax, buckets: Self.columns)
        for p in e.points {
          if let v = value(p), v.isFinite { d.add(x: p.offsetSeconds, y: v) }
        }
        guard d.seen > 0 else { return nil }
        let label = engines.count > 1 ? "\(name) (\(e.title))" : name
        return SVGXYChart.Series(name: label, cssClass: cls + (i > 0 ? " e\(i)" : ""), mark: .line, points: d.points)
      }
    }
    var note =
      "One point per successful scrape (\(Format.grouped(timeline.scrapeCount)) over "
      + "\(Format.fixed(timeline.spanSeconds, 0)) s"
      + (timeline.failureCount > 0 ? ", \(Format.grouped(timeline.failureCount)) failed" : "") + ")."
    if timeline.engines.count > Self.maxEnginesDrawn { note += " The first \(Self.maxEnginesDrawn) engines are drawn." }
    let requestSeries = series("running", "s3", { $0.running }) + series("waiting", "s4", { $0.waiting })
    if !requestSeries.isEmpty {
      extra[TimelineID.requests] =
        SVGXYChart(
          id: TimelineID.requests, title: "Running and waiting requests (server /metrics)", xLabel: xLabel,
          yLabel: "requests", series: requestSeries, note: note, yUnit: "requests"
        ).render()
    }
    let kv = series("KV-cache usage", "s2", { $0.kvCacheUsagePct })
    if !kv.isEmpty {
      extra[TimelineID.kvUsage] =
        SVGXYChart(
          id: TimelineID.kvUsage, title: "KV-cache usage (server /metrics)", xLabel: xLabel, yLabel: "% of the pool",
          series: kv, note: note, yUnit: "%"
        ).render()
    }
    let rates =
      series("prompt", "s1", { $0.interval?.rates?.promptTokensPerSecond })
      + series("generation", "s2", { $0.interval?.rates?.generationTokensPerSecond })
    if !rates.isEmpty {
      extra[TimelineID.throughput] =
        SVGXYChart(
          id: TimelineID.throughput, title: "Token throughput per scrape interval (server /metrics)", xLabel: xLabel,
          yLabel: "tokens/s", series: rates, note: note + " Rates are counter increases over each interval.",
          yUnit: "tok/s"
        ).render()
    }
  }
}
