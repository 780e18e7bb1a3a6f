import Render

/// A finished run's figures, computed as `vllm bench serve` computes them, and its outputs: `bench.json`
/// (vLLM's result schema plus `generator`, `itl_per_token` and `self_check`), `requests.jsonl` and the
/// summary printed on screen. See docs/load.md.
public struct BenchReport: Sendable {
  /// The settings.
  public var settings: LoadSettings
  /// Every request, in workload order.
  public var records: [RequestRecord]
  /// Benchmark duration (first start to last end), seconds.
  public var duration: Double
  /// The self-check.
  public var selfCheck: SelfCheck
  /// Monotonic time of the benchmark's start.
  public var startTime: Double

  /// Creates a report.
  public init(
    settings: LoadSettings, records: [RequestRecord], startTime: Double, endTime: Double, selfCheck: SelfCheck
  ) {
    self.settings = settings
    self.records = records
    self.startTime = startTime
    duration = max(endTime - startTime, 1e-9)
    self.selfCheck = selfCheck
  }

  var ok: [RequestRecord] { records.filter(\.succeeded) }
  /// Requests that completed.
  public var completed: Int { ok.count }
  /// Prompt tokens of completed requests (usage, else the intended length).
  public var totalInput: Int { ok.reduce(0) { $0 + ($1.promptTokens ?? $1.intendedInput) } }
  /// Output tokens of completed requests.
  public var totalOutput: Int { ok.reduce(0) { $0 + $1.outputTokens } }

  /// Samples in seconds for a metric (`ttft`, `tpot`, `itl`, `e2el`, or `itl_per_token`).
  public func samples(_ metric: String) -> [Double] {
    switch metric {
    case "ttft": return ok.compactMap(\.ttft)
    case "tpot": return ok.compactMap(\.tpot)
    case "itl": return ok.flatMap(\.chunkITLs)
    case "itl_per_token": return ok.flatMap(\.tokenITLs)
    case "e2el": return ok.compactMap(\.latency)
    default: return []
    }
  }

  /// Requests meeting every `--goodput` SLO.
  public var goodRequests: Int? {
    guard !settings.goodput.isEmpty else { return nil }
    return ok.filter { r in
      settings.goodput.allSatisfy { metric, ms in
        let v: Double? =
          switch metric {
          case "ttft": r.ttft
          case "tpot": r.tpot ?? 0
          default: r.latency
          }
        return v.map { $0 * 1000 <= ms } ?? false
      }
    }.count
  }

  /// The most output tokens in one whole second of the run, and the most requests in flight at once.
  public var peaks: (tokensPerSecond: Int, concurrent: Int) {
    var buckets: [Int: Int] = [:]
    for r in ok {
      for (t, k) in zip(r.chunkTimes, r.chunkTokens) { buckets[Int(t - startTime), default: 0] += k }
    }
    var edges: [(Double, Int)] = []
    for r in records { edges += [(r.start, 1), (r.end ?? r.start, -1)] }
    edges.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    var now = 0
    var most = 0
    for e in edges {
      now += e.1
      most = max(most, now)
    }
    return (buckets.values.max() ?? 0, most)
  }

  /// `bench.json`'s text; `date` is `YYYYMMDD-HHMMSS`.
  public func benchJSON(date: String) -> String {
    var w = JSONWriter(pretty: true)
    w.beginObject()
    w.string("date", date)
    w.string("endpoint_type", settings.backend)
    w.string("backend", settings.backend)
    w.string("label", settings.label)
    w.string("model_id", settings.model)
    w.string("tokenizer_id", nil)
    w.int("num_prompts", settings.numPrompts)
    if settings.requestRate.isFinite {
      w.double("request_rate", settings.requestRate)
    } else {
      w.string("request_rate", "inf")
    }
    w.double("burstiness", settings.burstiness)
    w.int("max_concurrency", settings.maxConcurrency)
    w.double("duration", duration)
    w.int("completed", completed)
    w.int("failed", records.count - completed)
    w.int("total_input_tokens", totalInput)
    w.int("total_output_tokens", totalOutput)
    w.double("request_throughput", Double(completed) / duration)
    w.double("request_goodput", goodRequests.map { Double($0) / duration })
    w.double("output_throughput", Double(totalOutput) / duration)
    w.double("total_token_throughput", Double(totalInput + totalOutput) / duration)
    let peaks = peaks
    w.double("max_output_tokens_per_s", Double(peaks.tokensPerSecond))
    w.int("max_concurrent_requests", peaks.concurrent)
    if settings.saveDetailed {
      w.ints("input_lens", records.map { $0.promptTokens ?? $0.intendedInput })
      w.ints("output_lens", records.map { $0.succeeded ? $0.outputTokens : 0 })
      w.beginArray("ttfts")
      for r in records { w.double(nil, r.succeeded ? (r.ttft ?? 0) : 0) }
      w.endArray()
      w.beginArray("itls")
      for r in records {
        w.beginArray()
        for v in r.succeeded ? r.chunkITLs : [] { w.double(nil, v) }
        w.endArray()
      }
      w.endArray()
      w.beginArray("latencies")
      for r in records { w.double(nil, r.latency ?? 0) }
      w.endArray()
      w.beginArray("start_times")
      for r in records { w.double(nil, r.start) }
      w.endArray()
      w.beginArray("errors")
      for r in records { w.string(nil, r.error) }
      w.endArray()
    }
    for metric in settings.percentileMetrics { latencyFields(&w, metric, prefix: "", suffix: "_\(metric)_ms") }
    w.string("generator", "profilemate load")
    w.beginObject("itl_per_token")
    latencyFields(&w, "itl_per_token", prefix: "", suffix: "_ms")
    w.endObject()
    let c = selfCheck
    w.beginObject("self_check")
    w.string("verdict", c.verdict)
    w.double("requested_rate", c.requestedRate)
    w.rounded("achieved_rate", c.achievedRate, 4)
    w.beginObject("send_lag_ms")
    w.rounded("p50", c.sendLagP50Ms, 4)
    w.rounded("p99", c.sendLagP99Ms, 4)
    w.endObject()
    w.rounded("client_cpu_seconds", c.cpuSeconds, 4)
    w.rounded("client_cpu_fraction", c.cpuFraction, 4)
    w.int("connection_errors", c.connectionErrors)
    w.beginObject("usage_vs_stream")
    w.int("checked", c.usageChecked)
    w.int("agreeing", c.usageAgreeing)
    w.int("multi_token_chunks", c.multiTokenChunks)
    w.endObject()
    w.beginArray("reasons")
    for r in c.reasons { w.string(nil, r) }
    w.endArray()
    w.endObject()
    w.endObject()
    return w.text + "\n"
  }

  private func latencyFields(_ w: inout JSONWriter, _ metric: String, prefix: String, suffix: String) {
    let v = samples(metric).map { $0 * 1000 }
    let sorted = v.sorted()
    w.double("mean" + suffix, Stats.mean(v) ?? 0)
    w.double("median" + suffix, Stats.percentile(sorted, 50) ?? 0)
    w.double("std" + suffix, Stats.std(v) ?? 0)
    for p in settings.metricPercentiles {
      w.double("p\(Self.percentileName(p))" + suffix, Stats.percentile(sorted, p) ?? 0)
    }
  }

  /// `50`, `99`, `99.9`: how vLLM names a percentile key.
  static func percentileName(_ p: Double) -> String { p == p.rounded() ? String(Int(p)) : String(p) }

  /// `requests.jsonl`: one object per request, times in seconds from the benchmark's start.
  public func requestsJSONL() -> String {
    var out = ""
    for r in records {
      var w = JSONWriter(pretty: false)
      w.beginObject()
      w.int("index", r.index)
      w.rounded("due_s", r.due - startTime, 6)
      w.rounded("start_s", r.start - startTime, 6)
      w.rounded("send_lag_ms", max(0, r.start - r.eligible) * 1000, 4)
      w.rounded("first_byte_s", r.firstByte.map { $0 - startTime }, 6)
      w.rounded("end_s", r.end.map { $0 - startTime }, 6)
      w.int("max_tokens", r.maxTokens)
      w.int("prompt_tokens", r.promptTokens)
      w.int("completion_tokens", r.completionTokens)
      w.int("stream_tokens", r.streamTokens)
      w.beginArray("chunks")
      for (t, k) in zip(r.chunkTimes, r.chunkTokens) {
        w.beginArray()
        w.rounded(nil, t - startTime, 6)
        w.int(nil, k)
        w.endArray()
      }
      w.endArray()
      w.string("error", r.error)
      w.endObject()
      out += w.text + "\n"
    }
    return out
  }

  /// The on-screen summary, in `vllm bench serve`'s layout; throughput lines carry `[client degraded]`
  /// when the self-check failed.
  public func summary() -> String {
    let mark = selfCheck.verdict == "ok" ? "" : "  [client degraded]"
    var lines = ["============ Serving Benchmark Result ============"]
    func row(_ k: String, _ v: String) {
      lines.append(k.padding(toLength: max(k.count, 40), withPad: " ", startingAt: 0) + v)
    }
    row("Successful requests:", "\(completed)")
    row("Failed requests:", "\(records.count - completed)")
    if let c = settings.maxConcurrency { row("Maximum request concurrency:", "\(c)") }
    row("Benchmark duration (s):", fixed(duration))
    row("Total input tokens:", "\(totalInput)")
    row("Total generated tokens:", "\(totalOutput)")
    row("Request throughput (req/s):", fixed(Double(completed) / duration) + mark)
    if let g = goodRequests { row("Request goodput (req/s):", fixed(Double(g) / duration) + mark) }
    row("Output token throughput (tok/s):", fixed(Double(totalOutput) / duration) + mark)
    row("Total token throughput (tok/s):", fixed(Double(totalInput + totalOutput) / duration) + mark)
    let names = [
      "ttft": "Time to First Token", "tpot": "Time per Output Token (excl. 1st token)",
      "itl": "Inter-token Latency (per chunk)", "e2el": "End-to-end Latency",
    ]
    var metrics = settings.percentileMetrics
    if metrics.contains("itl") { metrics.insert("itl_per_token", at: metrics.firstIndex(of: "itl")! + 1) }
    for m in metrics {
      let title = m == "itl_per_token" ? "Inter-token Latency (per token)" : names[m] ?? m
      let key = m == "itl_per_token" ? "ITL/token" : m.uppercased()
      lines.append(String(repeating: "-", count: 15) + title + String(repeating: "-", count: max(0, 35 - title.count)))
      let v = samples(m).map { $0 * 1000 }
      let sorted = v.sorted()
      row("Mean \(key) (ms):", fixed(Stats.mean(v) ?? 0))
      row("Median \(key) (ms):", fixed(Stats.percentile(sorted, 50) ?? 0))
      for p in settings.metricPercentiles {
        row("P\(Self.percentileName(p)) \(key) (ms):", fixed(Stats.percentile(sorted, p) ?? 0))
      }
    }
    lines.append("--------------------Self-check--------------------")
    row("Verdict:", selfCheck.verdict)
    if let a = selfCheck.achievedRate { row("Achieved send rate (req/s):", fixed(a)) }
    if let p = selfCheck.sendLagP99Ms { row("P99 send lag (ms):", fixed(p)) }
    row("Client CPU (share of one core):", fixed(selfCheck.cpuFraction))
    for r in selfCheck.reasons { lines.append("  degraded: " + r) }
    lines.append(String(repeating: "=", count: 50))
    return lines.joined(separator: "\n") + "\n"
  }

  func fixed(_ v: Double) -> String {
    let r = (v * 100).rounded() / 100
    let whole = Int(r.rounded(.towardZero))
    let cents = Int((abs(r - Double(whole)) * 100).rounded())
    return (r < 0 && whole == 0 ? "-" : "") + "\(whole)." + (cents < 10 ? "0" : "") + "\(cents)"
  }
}
