import ProfileMateCore
import PromMetrics

/// The terminal report of `profilemate metrics`.
public enum PromTextReport {
  /// Renders the report; `style` decides whether ANSI colours are used.
  public static func render(_ d: PromReportData, style: TextStyle) -> String {
    var out = style.bold("ProfileMate — /metrics " + d.sources.joined(separator: " → ")) + "\n"
    if let t = d.timeline {
      out += TimelineTextTable.render(t, style: style)
      out += "\n" + style.bold("Whole recording") + "\n"
      out += "  \(Format.fixed(t.spanSeconds, 3)) s: counters are sums of the interval increases, latencies are of "
      out += "the whole recording\n"
    } else if let s = d.windowSeconds {
      out += "  window of \(Format.fixed(s, 3)) s: counters are increases, latencies are of the window\n"
    } else {
      out += "  one scrape: counters and latencies are totals since each engine started\n"
    }
    if d.engines.isEmpty { out += "  No vLLM metrics found.\n" }
    for e in d.engines { out += engine(e, style) }
    if !d.newEngines.isEmpty {
      out += "  Engines new in the window: " + TerminalText.clean(d.newEngines.joined(separator: ", ")) + "\n"
    }
    out += "\n" + style.bold("Findings") + "\n"
    out += TextReport.findings(d.findings, style: style)
    if !d.issues.isEmpty {
      out += "\n" + style.bold("Malformed lines skipped") + " (\(d.issues.count))\n"
      for (source, issue) in d.issues.prefix(10) { out += "  " + TerminalText.clean("\(source): \(issue)") + "\n" }
    }
    return out
  }

  /// A count as an integer with separators (`12,738`); other values with `Format.auto`.
  static func number(_ x: Double) -> String {
    Format.count(x)
  }

  static func value(_ x: Double?) -> String { x.map(number) ?? "—" }

  static func seconds(_ x: Double?) -> String {
    guard let x else { return "—" }
    return x >= 1 ? Format.fixed(x, 2) + " s" : Format.ms(x * 1000)
  }

  static func engine(_ e: EngineSummary, _ style: TextStyle) -> String {
    var out = "\n" + style.bold(TerminalText.clean(e.title.isEmpty ? "vLLM" : e.title)) + "\n"
    var t = TextTable()
    t.add("running / waiting", "\(value(e.running?.value)) / \(value(e.waiting?.value))")
    if let kv = e.kvCacheUsagePct { t.add("KV-cache usage", Format.pct(kv)) }
    if let c = e.cacheConfig, let cap = c.kvCapacityTokens {
      t.add("KV capacity", "\(Format.grouped(cap)) tokens (\(c.numGPUBlocks ?? 0) × \(c.blockSize ?? 0))")
    }
    t.add("prompt / generated tokens", "\(value(e.promptTokens)) / \(value(e.generationTokens))")
    if let r = e.rates {
      t.add(
        "tokens/s prompt / generated",
        "\(value(r.promptTokensPerSecond)) / \(value(r.generationTokensPerSecond))")
      t.add("requests/s", value(r.requestsPerSecond))
    }
    t.add("preemptions", value(e.preemptions))
    if let rate = e.prefixCacheHitRatePct { t.add("prefix-cache hit rate", Format.pct(rate)) }
    let reasons = e.requestSuccess.filter { $0.value > 0 }.sorted { $0.key < $1.key }
    t.add(
      "finished requests",
      value(e.requestSuccess.isEmpty ? nil : e.requestsFinished)
        + (reasons.isEmpty
          ? ""
          : " (" + reasons.map { "\($0.key) \(number($0.value))" }.joined(separator: ", ")
            + ")"))
    if let b = e.batchSizes {
      t.add("tokens per step p50 / p90 / mean", "\(value(b.p50)) / \(value(b.p90)) / \(value(b.meanTokensPerStep))")
    }
    if let r = e.rates, let tf = r.teraflopsPerGPU {
      t.add("estimated TFLOP/s, GB/s per GPU", "\(Format.fixed(tf, 3)), \(value(r.gigabytesPerSecondPerGPU))")
    }
    out += t.render()
    if !e.latencies.isEmpty {
      var l = TextTable()
      l.add("latency", "count", "mean", "p50", "p90", "p99")
      for s in e.latencies {
        l.add(s.kind.rawValue, number(s.count), seconds(s.mean), seconds(s.p50), seconds(s.p90), seconds(s.p99))
      }
      out += l.render()
    }
    if !e.resetCounters.isEmpty {
      out += "  counters reset in the window: " + e.resetCounters.joined(separator: ", ") + "\n"
    }
    return out
  }
}
