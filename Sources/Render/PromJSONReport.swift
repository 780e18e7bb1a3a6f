import ProfileMateCore
import PromMetrics

/// The `profilemate metrics --json` report (schema: docs/metrics-schema.md).
public enum PromJSONReport {
  /// The schema version written as `schema_version`.
  public static let schemaVersion = 1

  /// Renders the report; figures that do not exist (empty windows, missing metrics) are `null`.
  public static func render(_ d: PromReportData, toolVersion: String) -> String {
    var w = JSONWriter()
    w.beginObject()
    w.int("schema_version", schemaVersion)
    w.string("tool_version", toolVersion)
    w.string("mode", d.timeline != nil ? "timeline" : d.windowSeconds == nil ? "snapshot" : "window")
    w.beginArray("sources")
    for s in d.sources { w.string(nil, s) }
    w.endArray()
    w.double("window_seconds", d.windowSeconds)
    w.beginArray("engines")
    for e in d.engines { engine(&w, e) }
    w.endArray()
    w.beginArray("new_engines")
    for e in d.newEngines { w.string(nil, e) }
    w.endArray()
    if let t = d.timeline {
      TimelineJSON.write(&w, t)
    } else {
      w.double("scrapes", nil)
      w.double("timeline", nil)
    }
    w.beginArray("findings")
    for f in d.findings { w.finding(f) }
    w.endArray()
    w.beginArray("parse_issues")
    for (source, issue) in d.issues {
      w.beginObject()
      w.string("source", source)
      w.int("line", issue.line)
      w.string("message", issue.message)
      w.endObject()
    }
    w.endArray()
    w.endObject()
    return w.text + "\n"
  }

  static func engine(_ w: inout JSONWriter, _ e: EngineSummary) {
    w.beginObject()
    w.string("model", e.model)
    w.string("engine", e.engine)
    w.beginObject("scheduler")
    w.double("running", e.running?.value)
    w.double("waiting", e.waiting?.value)
    w.beginObject("waiting_by_reason")
    for (k, v) in e.waitingByReason.sorted(by: { $0.key < $1.key }) { w.double(k, v) }
    w.endObject()
    w.rounded("kv_cache_usage_pct", e.kvCacheUsagePct)
    w.endObject()
    w.beginObject("tokens")
    w.double("prompt", e.promptTokens)
    w.double("generation", e.generationTokens)
    w.endObject()
    w.double("preemptions", e.preemptions)
    w.beginObject("prefix_cache")
    w.double("queries", e.prefixCacheQueries)
    w.double("hits", e.prefixCacheHits)
    w.rounded("hit_rate_pct", e.prefixCacheHitRatePct)
    w.endObject()
    w.beginObject("requests")
    w.double("finished", e.requestSuccess.isEmpty ? nil : e.requestsFinished)
    w.beginObject("by_finish_reason")
    for (k, v) in e.requestSuccess.sorted(by: { $0.key < $1.key }) { w.double(k, v) }
    w.endObject()
    w.endObject()
    latencies(&w, e.latencies)
    if let b = e.batchSizes {
      w.beginObject("batch_tokens")
      w.double("steps", b.steps)
      w.double("tokens", b.tokens)
      w.rounded("mean", b.meanTokensPerStep)
      w.double("p50", b.p50)
      w.double("p90", b.p90)
      w.double("p99", b.p99)
      w.beginArray("buckets")
      for k in b.buckets {
        w.beginObject()
        w.double("lower", k.lower)
        w.double("upper", k.upper)
        w.double("steps", k.steps)
        w.endObject()
      }
      w.endArray()
      w.endObject()
    } else {
      w.double("batch_tokens", nil)
    }
    if let m = e.mfu {
      w.beginObject("mfu")
      w.double("flops_per_gpu", m.flops)
      w.double("read_bytes_per_gpu", m.readBytes)
      w.double("write_bytes_per_gpu", m.writeBytes)
      w.endObject()
    } else {
      w.double("mfu", nil)
    }
    if let r = e.rates {
      w.beginObject("rates")
      w.rounded("prompt_tokens_per_s", r.promptTokensPerSecond)
      w.rounded("generation_tokens_per_s", r.generationTokensPerSecond)
      w.rounded("requests_per_s", r.requestsPerSecond)
      w.rounded("preemptions_per_s", r.preemptionsPerSecond)
      w.rounded("tflops_per_gpu", r.teraflopsPerGPU, 6)
      w.rounded("gb_per_s_per_gpu", r.gigabytesPerSecondPerGPU, 6)
      w.endObject()
    } else {
      w.double("rates", nil)
    }
    w.beginArray("reset_counters")
    for c in e.resetCounters { w.string(nil, c) }
    w.endArray()
    if let c = e.cacheConfig {
      w.beginObject("cache_config")
      w.int("block_size", c.blockSize)
      w.int("num_gpu_blocks", c.numGPUBlocks)
      w.int("num_cpu_blocks", c.numCPUBlocks)
      w.int("kv_capacity_tokens", c.kvCapacityTokens)
      w.double("gpu_memory_utilization", c.gpuMemoryUtilization)
      w.bool("prefix_caching", c.prefixCachingEnabled)
      w.beginObject("labels")
      for l in c.labels.pairs { w.string(l.name, l.value) }
      w.endObject()
      w.endObject()
    } else {
      w.double("cache_config", nil)
    }
    w.endObject()
  }

  /// `latency_seconds`: one object per histogram present.
  static func latencies(_ w: inout JSONWriter, _ list: [LatencySummary]) {
    w.beginObject("latency_seconds")
    for l in list {
      w.beginObject(l.kind.rawValue)
      w.string("metric", l.name)
      w.double("count", l.count)
      w.double("sum", l.sum)
      w.double("mean", l.mean)
      w.double("p50", l.p50)
      w.double("p90", l.p90)
      w.double("p99", l.p99)
      w.endObject()
    }
    w.endObject()
  }
}
