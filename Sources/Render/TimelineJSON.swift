import PromMetrics

/// The `scrapes` and `timeline` parts of `profilemate metrics --recording --json` (docs/metrics-schema.md).
enum TimelineJSON {
  static func write(_ w: inout JSONWriter, _ t: MetricsTimeline) {
    let start = t.firstEpochMs ?? 0
    w.beginObject("scrapes")
    w.int("attempts", t.scrapeCount + t.failureCount)
    w.int("ok", t.scrapeCount)
    w.int("failed", t.failureCount)
    w.beginArray("list")
    for a in t.attempts {
      w.beginObject()
      w.string("seq", a.seq)
      w.int("epoch_ms", Int(a.epochMs))
      w.rounded("t", Double(a.epochMs - start) / 1000, 3)
      w.string("status", a.status)
      w.endObject()
    }
    w.endArray()
    w.endObject()
    w.beginArray("timeline")
    for e in t.engines {
      w.beginObject()
      w.string("model", e.model)
      w.string("engine", e.engine)
      w.beginArray("points")
      for p in e.points { point(&w, p) }
      w.endArray()
      w.endObject()
    }
    w.endArray()
  }

  static func point(_ w: inout JSONWriter, _ p: TimelinePoint) {
    w.beginObject()
    w.string("seq", p.seq)
    w.int("epoch_ms", Int(p.epochMs))
    w.rounded("t", p.offsetSeconds, 3)
    w.double("running", p.running)
    w.double("waiting", p.waiting)
    w.rounded("kv_cache_usage_pct", p.kvCacheUsagePct)
    if let i = p.interval {
      w.beginObject("interval")
      w.rounded("seconds", i.windowSeconds, 3)
      w.double("prompt_tokens", i.promptTokens)
      w.double("generation_tokens", i.generationTokens)
      w.double("requests_finished", i.requestSuccess.isEmpty ? nil : i.requestsFinished)
      w.double("preemptions", i.preemptions)
      w.beginObject("rates")
      w.rounded("prompt_tokens_per_s", i.rates?.promptTokensPerSecond)
      w.rounded("generation_tokens_per_s", i.rates?.generationTokensPerSecond)
      w.rounded("requests_per_s", i.rates?.requestsPerSecond)
      w.rounded("preemptions_per_s", i.rates?.preemptionsPerSecond)
      w.endObject()
      PromJSONReport.latencies(&w, i.latencies)
      w.beginArray("reset_counters")
      for c in i.resetCounters { w.string(nil, c) }
      w.endArray()
      w.endObject()
    } else {
      w.double("interval", nil)
    }
    w.endObject()
  }
}
