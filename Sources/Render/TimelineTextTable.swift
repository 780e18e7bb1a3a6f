import ProfileMateCore
import PromMetrics

/// The per-scrape tables of `profilemate metrics --recording`: one row per scrape and engine, gauges at the
/// scrape and the rates and latency quantiles of the interval that ends there; failed scrapes as gap rows.
enum TimelineTextTable {
  static func render(_ t: MetricsTimeline, style: TextStyle) -> String {
    var out =
      "  recording of \(t.scrapeCount + t.failureCount) scrape(s), \(t.failureCount) failed, over "
      + "\(Format.fixed(t.spanSeconds, 3)) s: one row per scrape, rates and latencies of the interval ending there\n"
    if t.engines.isEmpty { out += "  No vLLM metrics found.\n" }
    let start = t.firstEpochMs ?? 0
    for e in t.engines {
      out += "\n" + style.bold(TerminalText.clean(e.title.isEmpty ? "vLLM" : e.title)) + "\n"
      var table = TextTable()
      table.add(
        "t (s)", "running", "waiting", "KV", "prompt/s", "gen/s", "req/s", "preempt", "TTFT p50", "p99", "ITL p50",
        "p99", "")
      var failures = t.attempts.filter { $0.status != "200" }[...]
      for p in e.points {
        while let f = failures.first, f.epochMs < p.epochMs {
          gap(&table, f, start)
          failures.removeFirst()
        }
        let i = p.interval
        let rates = i?.rates
        let ttft = i?.latency(.ttft)
        let itl = i?.latency(.interToken)
        table.add(
          Format.fixed(p.offsetSeconds, 1), PromTextReport.value(p.running), PromTextReport.value(p.waiting),
          p.kvCacheUsagePct.map(Format.pct) ?? "—", rate(rates?.promptTokensPerSecond),
          rate(rates?.generationTokensPerSecond), rate(rates?.requestsPerSecond, 2),
          i.map { PromTextReport.value($0.preemptions) } ?? "—", PromTextReport.seconds(ttft?.p50),
          PromTextReport.seconds(ttft?.p99), PromTextReport.seconds(itl?.p50), PromTextReport.seconds(itl?.p99), "")
      }
      for f in failures { gap(&table, f, start) }
      out += table.render()
      if !e.resetCounters.isEmpty {
        out += "  counters restarted: " + e.resetCounters.joined(separator: ", ") + "\n"
      }
    }
    return out
  }

  /// A failed attempt: a row of dashes with the failure's code at the end.
  static func gap(_ table: inout TextTable, _ f: MetricsTimeline.Attempt, _ start: Int64) {
    table.rows.append(
      [Format.fixed(Double(f.epochMs - start) / 1000, 1)] + Array(repeating: "·", count: 11)
        + ["scrape failed (\(f.status))"])
  }

  static func rate(_ x: Double?, _ decimals: Int = 1) -> String { x.map { Format.fixed($0, decimals) } ?? "—" }
}
