import ProfileMateCore
import PromMetrics

/// What `profilemate watch` shows: a full-screen frame redrawn in place on a terminal, or one plain line per
/// engine and scrape otherwise, and the summary of the session when it ends.
public enum WatchView {
  /// The facts about the session shown above the engines.
  public struct Status: Sendable {
    /// The endpoint, without credentials.
    public var source: String
    /// Seconds between scrapes.
    public var interval: Double
    /// The recording folder, when recording.
    public var recording: String?
    /// The message of the latest failed attempt, when the latest attempt failed.
    public var lastError: String?
    /// Seconds the latest scrape took (request to body).
    public var scrapeSeconds: Double?

    /// Creates the status.
    public init(
      source: String, interval: Double, recording: String? = nil, lastError: String? = nil,
      scrapeSeconds: Double? = nil
    ) {
      self.source = source
      self.interval = interval
      self.recording = recording
      self.lastError = lastError
      self.scrapeSeconds = scrapeSeconds
    }
  }

  /// The terminal frame: one block per engine with the latest gauges, the last interval's rates, the sliding
  /// window's latency quantiles and a sparkline of each series. `width` is the terminal's column count.
  public static func frame(_ t: MetricsTimeline, status: Status, style: TextStyle, width: Int = 100) -> String {
    var out =
      style.bold("ProfileMate watch") + " — \(status.source) every \(duration(status.interval)) — "
      + "scrape \(t.scrapeCount + t.failureCount)"
    if t.failureCount > 0 { out += " (\(t.failureCount) failed)" }
    if let s = status.scrapeSeconds { out += style.dim(" — \(Format.ms(s * 1000))") }
    out += "\n"
    if let r = status.recording { out += style.dim("recording to \(r)") + "\n" }
    if let e = status.lastError { out += style.severity(.warning, "latest scrape failed: \(e)") + "\n" }
    if t.engines.isEmpty { out += "\nno vLLM metrics yet\n" }
    let recent = t.recentSummaries()
    let sparkWidth = max(8, min(60, width - 40))
    for (e, window) in zip(t.engines, recent) {
      out += "\n" + style.bold(TerminalText.clean(e.title.isEmpty ? "vLLM" : e.title)) + "\n"
      let last = e.points.last
      let rates = last?.interval?.rates
      var table = TextTable()
      table.add(
        "running", PromTextReport.value(last?.running), Sparkline.render(e.points.map(\.running), width: sparkWidth))
      table.add(
        "waiting", PromTextReport.value(last?.waiting), Sparkline.render(e.points.map(\.waiting), width: sparkWidth))
      table.add(
        "KV cache", last?.kvCacheUsagePct.map(Format.pct) ?? "—",
        Sparkline.render(e.points.map(\.kvCacheUsagePct), width: sparkWidth))
      table.add(
        "prompt tok/s", rate(rates?.promptTokensPerSecond),
        Sparkline.render(e.points.map { $0.interval?.rates?.promptTokensPerSecond }, width: sparkWidth))
      table.add(
        "generated tok/s", rate(rates?.generationTokensPerSecond),
        Sparkline.render(e.points.map { $0.interval?.rates?.generationTokensPerSecond }, width: sparkWidth))
      table.add(
        "preemptions", PromTextReport.value(last?.interval?.preemptions),
        Sparkline.render(e.points.map { $0.interval?.preemptions }, width: sparkWidth))
      out += table.render()
      out += "  " + latencyLine(window, seconds: t.recentWindowSeconds) + "\n"
    }
    return out
  }

  /// One plain line per engine for the latest scrape (`key=value` pairs, for logs and pipes).
  public static func plainLines(_ t: MetricsTimeline) -> [String] {
    zip(t.engines, t.recentSummaries()).compactMap { e, window in
      guard let p = e.points.last, p.epochMs == t.lastEpochMs else { return nil }
      let i = p.interval
      var fields = [
        TerminalText.clean([e.model ?? "vllm", e.engine].compactMap { $0 }.joined(separator: "/")),
        "running=\(PromTextReport.value(p.running))",
        "waiting=\(PromTextReport.value(p.waiting))", "kv=\(p.kvCacheUsagePct.map(Format.pct) ?? "—")",
        "prompt_tok/s=\(rate(i?.rates?.promptTokensPerSecond))",
        "gen_tok/s=\(rate(i?.rates?.generationTokensPerSecond))",
        "preemptions=+\(PromTextReport.value(i?.preemptions))",
      ]
      let ttft = window?.latency(.ttft)
      let itl = window?.latency(.interToken)
      fields += [
        "ttft_p50=\(compact(ttft?.p50))", "ttft_p99=\(compact(ttft?.p99))", "itl_p50=\(compact(itl?.p50))",
        "itl_p99=\(compact(itl?.p99))",
      ]
      return fields.joined(separator: " ")
    }
  }

  /// The summary printed when the session ends: attempts, and per engine the session's totals, rates and
  /// latency quantiles (the whole timeline), then the findings' titles.
  public static func summary(_ t: MetricsTimeline, recording: String?, recorded: Int) -> String {
    var out =
      "watch: \(t.scrapeCount + t.failureCount) scrape(s), \(t.scrapeCount) ok, \(t.failureCount) failed, over "
      + "\(Format.fixed(t.spanSeconds, 1)) s\n"
    for e in t.wholeSummaries() {
      let r = e.rates
      out += "  \(TerminalText.clean(e.title.isEmpty ? "vLLM" : e.title)): "
      out += "prompt \(PromTextReport.value(e.promptTokens)) tokens (\(rate(r?.promptTokensPerSecond))/s), "
      out += "generated \(PromTextReport.value(e.generationTokens)) (\(rate(r?.generationTokensPerSecond))/s), "
      out += "finished \(PromTextReport.value(e.requestSuccess.isEmpty ? nil : e.requestsFinished)), "
      out += "preemptions \(PromTextReport.value(e.preemptions))\n"
      out += "    " + latencyLine(e, seconds: nil) + "\n"
      if !e.resetCounters.isEmpty { out += "    counters restarted: \(e.resetCounters.joined(separator: ", "))\n" }
    }
    for f in t.findings() { out += "  [\(f.severity.rawValue)] \(TerminalText.clean(f.title))\n" }
    if let recording { out += "  recorded \(recorded) attempt(s) to \(recording)\n" }
    return out
  }

  static func latencyLine(_ s: EngineSummary?, seconds: Double?) -> String {
    let scope = seconds.map { "last \(duration($0))" } ?? "session"
    guard let s else { return "\(scope): TTFT — · ITL — (one scrape so far)" }
    let ttft = s.latency(.ttft)
    let itl = s.latency(.interToken)
    return
      "\(scope): TTFT p50 \(PromTextReport.seconds(ttft?.p50)) p99 \(PromTextReport.seconds(ttft?.p99)) "
      + "(\(PromTextReport.value(ttft?.count)) first tokens) · ITL p50 \(PromTextReport.seconds(itl?.p50)) "
      + "p99 \(PromTextReport.seconds(itl?.p99))"
  }

  /// A length of time as written on the command line: `2 s`, `0.5 s`, `30 s`.
  public static func duration(_ seconds: Double) -> String {
    seconds == seconds.rounded() && abs(seconds) < 1e9 ? "\(Int(seconds)) s" : "\(seconds) s"
  }

  static func rate(_ x: Double?) -> String { x.map { Format.fixed($0, 1) } ?? "—" }

  /// Seconds without spaces: `575ms`, `2.45s`, `—`.
  static func compact(_ x: Double?) -> String {
    guard let x else { return "—" }
    return x >= 1 ? Format.fixed(x, 2) + "s" : Format.fixed(x * 1000, 1) + "ms"
  }
}
