import ProfileMateCore

extension ReportPage {
  /// The server's `/metrics` over a run directory's recording: per engine, the peaks of its gauges and what it
  /// served over the recording, and the charts over time.
  static func metricsTimeline(_ t: MetricsTimelineSummary) -> ReportSection {
    let rows = t.engines.map { e in
      [
        e.title.isEmpty ? "server" : e.title, Format.grouped(e.scrapes), value(e.peakRunning, Format.count),
        value(e.peakWaiting, Format.count), value(e.peakKVUsagePct, Format.pct), value(e.promptTokens, Format.count),
        value(e.generationTokens, Format.count), value(e.preemptions, Format.count),
      ]
    }
    let head =
      "\(Format.grouped(t.scrapes)) scrapes over \(Format.fixed(t.spanSeconds, 0)) s"
      + (t.failedScrapes > 0 ? ", \(Format.grouped(t.failedScrapes)) failed" : "")
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
      ], hasData: t.scrapes > 0)
  }
}
