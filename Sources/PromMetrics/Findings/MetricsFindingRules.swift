import ProfileMateCore

/// The rules that turn ``EngineSummary``s (one scrape or a window) into ``Finding``s, in the same form as the
/// log analysis: queueing, preemptions, KV pressure, the prefill/decode time ratio, low prefix-cache hits.
public enum MetricsFindingRules {
  /// Evaluates every rule for every engine; most severe first (ties keep engine and rule order).
  public static func evaluate(_ engines: [EngineSummary], thresholds t: MetricsFindingThresholds) -> [Finding] {
    let rules: [(EngineSummary, MetricsFindingThresholds) -> Finding?] = [
      queueing, preemptions, kvPressure, phaseRatio, lowPrefixHits,
    ]
    let all = engines.flatMap { e in rules.compactMap { $0(e, t) }.map { tagged($0, e, multiple: engines.count > 1) } }
    return all.enumerated().sorted { x, y in
      x.element.severity != y.element.severity ? x.element.severity > y.element.severity : x.offset < y.offset
    }.map(\.element)
  }

  static func tagged(_ f: Finding, _ e: EngineSummary, multiple: Bool) -> Finding {
    guard multiple, !e.title.isEmpty else { return f }
    var f = f
    f.title = "[\(e.title)] " + f.title
    return f
  }

  static func scope(_ e: EngineSummary) -> String {
    e.windowSeconds.map { "in the \(Format.fixed($0, 1)) s window" } ?? "since the engine started"
  }

  /// A count as an integer with separators (`12,738`); other values with `Format.auto`.
  static func number(_ x: Double) -> String {
    x.isFinite && x == x.rounded() && abs(x) < 1e15 ? Format.grouped(Int(x)) : Format.auto(x)
  }

  static func line(_ e: EngineSummary, _ m: VLLMMetric) -> [LineNumber] { e.lines[m].map { [$0] } ?? [] }

  static func seconds(_ x: Double?) -> String {
    guard let x else { return "n/a" }
    return x >= 1 ? Format.fixed(x, 2) + " s" : Format.ms(x * 1000)
  }

  // MARK: - Rules

  static func queueing(_ e: EngineSummary, _ t: MetricsFindingThresholds) -> Finding? {
    let waiting = e.waiting?.value ?? 0
    let queue = e.latency(.queue)
    let e2e = e.latency(.e2e)
    var share: Double?
    if let q = queue?.mean, let total = e2e?.mean, total > 0 { share = q / total * 100 }
    let queuedNow = waiting >= t.waitingRequests
    let queuedLong = (share ?? 0) >= t.queueTimeSharePct
    guard queuedNow || queuedLong else { return nil }
    var evidence: [Evidence] = []
    if let w = e.waiting {
      var text = "waiting = \(number(w.value)) requests, running = \(number(e.running?.value ?? 0))"
      let reasons = e.waitingByReason.filter { $0.value > 0 }.sorted { $0.key < $1.key }
      if !reasons.isEmpty {
        text += " (" + reasons.map { "\($0.key) \(number($0.value))" }.joined(separator: ", ") + ")"
      }
      evidence.append(Evidence(text, lines: [w.line] + (e.running.map { [$0.line] } ?? [])))
    }
    if let queue, queue.count > 0 {
      evidence.append(
        Evidence(
          "queue time \(scope(e)): mean \(seconds(queue.mean)), p90 \(seconds(queue.p90)), p99 \(seconds(queue.p99)) "
            + "over \(number(queue.count)) requests", lines: line(e, .queueTime)))
    }
    if let share {
      evidence.append(
        Evidence("queueing is \(Format.pct(share)) of the mean end-to-end latency", lines: line(e, .e2eLatency)))
    }
    let kvFull = (e.kvCacheUsagePct ?? 0) >= t.kvPressurePct
    return Finding(
      id: "queueing", severity: queuedLong ? .warning : .info,
      title: queuedLong
        ? "Requests spend \(Format.pct(share ?? 0)) of their latency queued"
        : "\(number(waiting)) request(s) waiting at the time of the scrape",
      evidence: evidence,
      recommendation: kvFull
        ? "The KV cache is full: add KV capacity (--gpu-memory-utilization, --kv-cache-dtype fp8, a larger "
          + "--tensor-parallel-size) or add replicas."
        : "The engine is saturated by the offered load: raise --max-num-seqs if KV cache is left, add replicas "
          + "(or --data-parallel-size), or raise --max-num-batched-tokens if steps are small.")
  }

  static func preemptions(_ e: EngineSummary, _ t: MetricsFindingThresholds) -> Finding? {
    guard let n = e.preemptions, n > 0 else { return nil }
    var evidence = [Evidence("\(number(n)) preemption(s) \(scope(e))", lines: line(e, .preemptions))]
    if let r = e.rates?.preemptionsPerSecond { evidence.append(Evidence("\(number(r)) preemptions/s")) }
    if let kv = e.kvCacheUsagePct {
      evidence.append(Evidence("KV-cache usage now \(Format.pct(kv))", lines: line(e, .kvCacheUsage)))
    }
    return Finding(
      id: "preemptions", severity: .warning,
      title: "\(number(n)) request preemption(s): the KV cache ran out and requests were recomputed",
      evidence: evidence,
      recommendation:
        "Give the KV cache more room: raise --gpu-memory-utilization, use --kv-cache-dtype fp8, or raise "
        + "--tensor-parallel-size; or admit less at once: lower --max-num-seqs / --max-num-batched-tokens.")
  }

  static func kvPressure(_ e: EngineSummary, _ t: MetricsFindingThresholds) -> Finding? {
    guard let kv = e.kvCacheUsagePct, kv >= t.kvPressurePct else { return nil }
    var evidence = [Evidence("KV-cache usage \(Format.pct(kv)) at the scrape", lines: line(e, .kvCacheUsage))]
    if let c = e.cacheConfig, let tokens = c.kvCapacityTokens {
      evidence.append(
        Evidence(
          "capacity \(Format.grouped(tokens)) tokens (\(c.numGPUBlocks ?? 0) blocks × \(c.blockSize ?? 0))",
          line: c.line))
    }
    let preempted = (e.preemptions ?? 0) > 0
    return Finding(
      id: "kv_pressure", severity: preempted || kv >= 99 ? .warning : .info,
      title: "KV cache nearly full (\(Format.pct(kv)))", evidence: evidence,
      recommendation:
        "More KV capacity lets more requests run at once: --gpu-memory-utilization (e.g. 0.95), "
        + "--kv-cache-dtype fp8 (halves KV bytes), a larger --tensor-parallel-size, or prefix caching if prompts "
        + "share prefixes.")
  }

  static func phaseRatio(_ e: EngineSummary, _ t: MetricsFindingThresholds) -> Finding? {
    guard let p = e.latency(.prefill), let d = e.latency(.decode), p.count >= t.minRequestsForPhaseRule,
      d.count >= t.minRequestsForPhaseRule, let pm = p.mean, let dm = d.mean, pm > 0, dm > 0
    else { return nil }
    let ratio = pm / dm
    let evidence = [
      Evidence(
        "mean prefill time \(seconds(pm)) (p90 \(seconds(p.p90))) over \(number(p.count)) requests \(scope(e))",
        lines: [p.line]),
      Evidence("mean decode time \(seconds(dm)) (p90 \(seconds(d.p90)))", lines: [d.line]),
    ]
    if ratio >= t.phaseRatio {
      return Finding(
        id: "prefill_bottleneck", severity: .info,
        title: "Prefill is the bottleneck: requests spend \(Format.fixed(ratio, 1))× longer in prefill than decode",
        evidence: evidence,
        recommendation:
          "Prompt processing dominates: enable prefix caching (--enable-prefix-caching) if prompts repeat, raise "
          + "--max-num-batched-tokens for larger prefill chunks, or split prefill and decode (disaggregated serving).")
    }
    if 1 / ratio >= t.phaseRatio {
      return Finding(
        id: "decode_bottleneck", severity: .info,
        title: "Decode is the bottleneck: requests spend \(Format.fixed(1 / ratio, 1))× longer in decode than prefill",
        evidence: evidence,
        recommendation:
          "Decode is memory-bandwidth bound: larger decode batches (--max-num-seqs), CUDA graphs covering the decode "
          + "batch sizes, --kv-cache-dtype fp8 / weight quantization, or speculative decoding (--speculative-config).")
    }
    return nil
  }

  static func lowPrefixHits(_ e: EngineSummary, _ t: MetricsFindingThresholds) -> Finding? {
    guard let q = e.prefixCacheQueries, q >= t.minPrefixQueries, let rate = e.prefixCacheHitRatePct,
      rate < t.lowPrefixHitPct
    else { return nil }
    var evidence = [
      Evidence(
        "prefix-cache hits \(Format.grouped(Int(e.prefixCacheHits ?? 0))) of \(Format.grouped(Int(q))) queried "
          + "tokens \(scope(e)) = \(Format.pct(rate))",
        lines: line(e, .prefixCacheQueries) + line(e, .prefixCacheHits))
    ]
    if let enabled = e.cacheConfig?.prefixCachingEnabled {
      evidence.append(Evidence("enable_prefix_caching = \(enabled ? "True" : "False")", line: e.cacheConfig?.line))
    }
    return Finding(
      id: "low_prefix_cache_hits", severity: .info,
      title: "Low prefix-cache hit rate (\(Format.pct(rate)))", evidence: evidence,
      recommendation:
        "Prompts share little: put the shared part (system prompt, few-shot examples, documents) first and keep "
        + "it byte-identical across requests; route requests of one conversation to the same replica. If the "
        + "traffic has no shared prefixes the cache costs little but gains nothing.")
  }
}
