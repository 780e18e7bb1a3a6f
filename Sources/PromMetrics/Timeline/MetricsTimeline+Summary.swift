import ProfileMateCore

extension MetricsTimeline {
  /// The recording summed up per engine (``MetricsTimelineSummary``): peaks of the gauges at a scrape, and the
  /// whole timeline's counter increases.
  public func summary() -> MetricsTimelineSummary {
    let whole = wholeSummaries()
    let engines = zip(self.engines, whole).map { e, s in
      MetricsTimelineSummary.Engine(
        model: e.model, engine: e.engine, scrapes: e.points.count, peakRunning: e.points.compactMap(\.running).max(),
        peakWaiting: e.points.compactMap(\.waiting).max(), peakKVUsagePct: e.points.compactMap(\.kvCacheUsagePct).max(),
        promptTokens: s.promptTokens, generationTokens: s.generationTokens, preemptions: s.preemptions)
    }
    return MetricsTimelineSummary(
      scrapes: scrapeCount, failedScrapes: failureCount, spanSeconds: spanSeconds, engines: engines)
  }
}
