import ProfileMateCore

extension JSONReport {
  /// `run_directory`, `benchmark` and `cross_checks` (null / empty for a single log).
  static func runDirectory(_ w: inout JSONWriter, _ a: RunAnalysis) {
    if let s = a.sources {
      w.beginObject("run_directory")
      w.string("path", s.directory)
      w.string("log", s.log)
      w.string("metrics", s.metrics)
      w.int("scrapes", s.scrapes)
      w.int("failed_scrapes", s.failedScrapes)
      w.double("metrics_seconds", s.metricsSeconds)
      w.string("benchmark", s.benchmark)
      w.string("config", s.config)
      w.string("run_info", s.runInfo)
      w.string("recorded_vllm_version", s.recordedVLLMVersion)
      w.beginArray("extra_server_flags")
      for f in s.extraServerFlags { w.string(nil, f) }
      w.endArray()
      w.endObject()
    } else {
      w.string("run_directory", nil)
    }
    benchmark(&w, a.model.benchmark)
    w.beginArray("cross_checks")
    for c in a.crossChecks {
      w.beginObject()
      w.string("id", c.id)
      w.string("title", c.title)
      w.string("status", c.status.rawValue)
      w.string("unit", c.unit)
      side(&w, "expected", c.expected)
      side(&w, "observed", c.observed)
      w.double("difference", c.difference)
      w.string("tolerance", c.tolerance)
      w.string("note", c.note)
      w.endObject()
    }
    w.endArray()
  }

  private static func side(_ w: inout JSONWriter, _ key: String, _ s: CrossCheck.Side) {
    w.beginObject(key)
    w.string("source", s.source)
    w.double("value", s.value)
    w.endObject()
  }

  private static func benchmark(_ w: inout JSONWriter, _ b: BenchmarkResult?) {
    guard let b else {
      w.string("benchmark", nil)
      return
    }
    w.beginObject("benchmark")
    w.string("source", b.source)
    w.string("generator", b.generator)
    w.string("date", b.date)
    w.string("backend", b.backend)
    w.string("model", b.model)
    w.int("num_prompts", b.numPrompts)
    w.double("request_rate", b.requestRate)
    w.int("max_concurrency", b.maxConcurrency)
    w.double("burstiness", b.burstiness)
    w.double("achieved_send_rate", b.achievedSendRate)
    w.double("duration_s", b.duration)
    w.int("completed", b.completed)
    w.int("failed", b.failed)
    w.int("total_input_tokens", b.totalInputTokens)
    w.int("total_output_tokens", b.totalOutputTokens)
    w.double("request_throughput", b.requestThroughput)
    w.double("output_throughput", b.outputThroughput)
    w.double("total_token_throughput", b.totalTokenThroughput)
    w.int("max_concurrent_requests", b.maxConcurrentRequests)
    w.beginObject("latency_ms")
    for l in b.latencies {
      w.beginObject(l.metric)
      w.double("mean", l.mean)
      w.double("median", l.median)
      w.double("std", l.std)
      w.beginObject("percentiles")
      for p in l.percentiles { w.double(Self.percentileKey(p.percentile), p.ms) }
      w.endObject()
      w.endObject()
    }
    w.endObject()
    w.beginArray("errors")
    for e in b.errors {
      w.beginObject()
      w.string("message", e.message)
      w.int("count", e.count)
      w.endObject()
    }
    w.endArray()
    w.endObject()
  }

  /// `p99`, `p99.9`: the benchmark's own key style.
  static func percentileKey(_ p: Double) -> String {
    p == p.rounded() ? "p\(Int(p))" : "p\(p)"
  }
}
