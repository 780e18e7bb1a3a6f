import ProfileMateCore
import PromMetrics

extension ReportPage {
  /// The server's `/metrics` over a run directory's recording: per engine, the peaks of its gauges and what it
  /// served over the recording, and the charts over time.
  static func metricsTimeline(_ timeline: MetricsTimeline) -> ReportSection {
    let summaries = timeline.wholeSummaries()
    var rows: [[String]] = []
    for (e, s) in zip(timeline.engines, summaries) {
      let running = e.points.compactMap(\.running).max()
      let waiting = e.points.compactMap(\.waiting).max()
      let kv = e.points.compactMap(\.kvCacheUsagePct).max()
      rows.append([
        e.title.isEmpty ? "server" : e.title, Format.grouped(e.points.count), value(running, Format.count),
        value(waiting, Format.count), value(kv, Format.pct), value(s.promptTokens, Format.count),
        value(s.generationTokens, Format.count), value(s.preemptions, Format.count),
      ])
    }
    let head =
      "\(Format.grouped(timeline.scrapeCount)) scrapes over \(Format.fixed(timeline.spanSeconds, 0)) s"
      + (timeline.failureCount > 0 ? ", \(Format.grouped(timeline.failureCount)) failed" : "")
      + "; peaks are the highest gauge readings at a scrape, tokens and preemptions the counters' increase over "
      + "the recording."
    let header = [
      "engine", "scrapes", "peak running", "peak waiting", "peak KV", "prompt tokens", "generated tokens",
      "preemptions",
    ]
    return ReportSection(
      id: "metrics-timeline", title: "Server /metrics over the recording",
      blocks: [
        .note(head), .table(header: header, rows: rows, textColumns: []),
        .chart(ReportCharts.TimelineID.requests), .chart(ReportCharts.TimelineID.kvUsage),
        .chart(ReportCharts.TimelineID.throughput),
      ], hasData: timeline.scrapeCount > 0)
  }
}
