/// Renders the engine's state as vLLM V1's `/metrics` text (Prometheus exposition 0.0.4), with the metric
/// names, help texts' gist, labels (`engine`, `model_name`) and bucket bounds vLLM 0.32 uses.
public enum MetricsExposition {
  /// The gauges read at scrape time.
  public struct Gauges: Sendable {
    /// Running requests.
    public var running: Int
    /// Waiting requests.
    public var waiting: Int
    /// KV usage, 0…1.
    public var kvUsage: Double

    /// Creates gauges.
    public init(running: Int, waiting: Int, kvUsage: Double) {
      self.running = running
      self.waiting = waiting
      self.kvUsage = kvUsage
    }
  }

  /// The exposition text for `metrics`, `gauges` and `config`, labelled with `model`.
  public static func render(_ m: EngineMetrics, gauges: Gauges, config: EngineConfig, model: String) -> String {
    let base = "engine=\"0\",model_name=\"\(escape(model))\""
    var out = ""
    out.reserveCapacity(16_384)
    func header(_ name: String, _ type: String, _ help: String) {
      out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
    }
    func gauge(_ name: String, _ help: String, _ v: Double) {
      header(name, "gauge", help)
      out += "\(name){\(base)} \(number(v))\n"
    }
    func counter(_ name: String, _ help: String, _ v: Int) {
      header(name + "_total", "counter", help)
      out += "\(name)_total{\(base)} \(number(Double(v)))\n"
    }
    func histogram(_ name: String, _ help: String, _ h: Histogram) {
      header(name, "histogram", help)
      var cumulative = 0
      for (i, bound) in h.bounds.enumerated() {
        cumulative += h.counts[i]
        out += "\(name)_bucket{engine=\"0\",le=\"\(number(bound))\",model_name=\"\(escape(model))\"} "
        out += "\(number(Double(cumulative)))\n"
      }
      out += "\(name)_bucket{engine=\"0\",le=\"+Inf\",model_name=\"\(escape(model))\"} \(number(Double(h.count)))\n"
      out += "\(name)_count{\(base)} \(number(Double(h.count)))\n"
      out += "\(name)_sum{\(base)} \(number(h.sum))\n"
    }
    gauge("vllm:num_requests_running", "Number of requests in model execution batches.", Double(gauges.running))
    gauge("vllm:num_requests_waiting", "Number of requests waiting to be processed.", Double(gauges.waiting))
    gauge("vllm:kv_cache_usage_perc", "KV-cache usage. 1 means 100 percent usage.", gauges.kvUsage)
    counter(
      "vllm:prefix_cache_queries", "Prefix cache queries, in terms of number of queried tokens.", 0)
    counter("vllm:prefix_cache_hits", "Prefix cache hits, in terms of number of cached tokens.", 0)
    counter("vllm:num_preemptions", "Cumulative number of preemption from the engine.", m.preemptions)
    counter("vllm:prompt_tokens", "Number of prefill tokens processed.", m.promptTokens)
    counter("vllm:generation_tokens", "Number of generation tokens processed.", m.generationTokens)
    header("vllm:request_success_total", "counter", "Count of successfully processed requests.")
    for (reason, v) in [("stop", 0), ("length", m.finishedLength), ("abort", m.finishedAbort)] {
      out += "vllm:request_success_total{engine=\"0\",finished_reason=\"\(reason)\",model_name=\"\(escape(model))\"}"
      out += " \(number(Double(v)))\n"
    }
    histogram("vllm:request_prompt_tokens", "Number of prefill tokens processed.", m.requestPrompt)
    histogram("vllm:request_generation_tokens", "Number of generation tokens processed.", m.requestGeneration)
    histogram("vllm:iteration_tokens_total", "Histogram of number of tokens per engine_step.", m.iterationTokens)
    histogram("vllm:request_params_max_tokens", "Histogram of the max_tokens request parameter.", m.requestMaxTokens)
    histogram("vllm:time_to_first_token_seconds", "Histogram of time to first token in seconds.", m.ttft)
    histogram("vllm:inter_token_latency_seconds", "Histogram of inter-token latency in seconds.", m.itl)
    histogram(
      "vllm:request_time_per_output_token_seconds", "Histogram of time_per_output_token_seconds per request.", m.tpot)
    histogram("vllm:e2e_request_latency_seconds", "Histogram of e2e request latency in seconds.", m.e2e)
    histogram("vllm:request_queue_time_seconds", "Histogram of time spent in WAITING phase for request.", m.queue)
    histogram(
      "vllm:request_inference_time_seconds", "Histogram of time spent in RUNNING phase for request.", m.inference)
    histogram("vllm:request_prefill_time_seconds", "Histogram of time spent in PREFILL phase for request.", m.prefill)
    histogram("vllm:request_decode_time_seconds", "Histogram of time spent in DECODE phase for request.", m.decode)
    histogram("vllm:request_num_preemptions", "Number of preemptions per request.", m.requestPreemptions)
    header("vllm:cache_config_info", "gauge", "Information of the LLMEngine CacheConfig")
    out +=
      "vllm:cache_config_info{block_size=\"\(config.blockSize)\",cache_dtype=\"auto\",enable_prefix_caching=\"False\","
    out +=
      "engine=\"0\",gpu_memory_utilization=\"0.9\",num_cpu_blocks=\"None\",num_gpu_blocks=\"\(config.numBlocks)\"} 1.0\n"
    return out
  }

  /// A sample value as prometheus_client writes it (`12.0`, `0.25`, `1e-05`).
  static func number(_ v: Double) -> String {
    if v == v.rounded(), abs(v) < 1e15 { return "\(Int64(v)).0" }
    return "\(v)"
  }

  static func escape(_ s: String) -> String {
    var out = ""
    for c in s {
      switch c {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "\n": out += "\\n"
      default: out.append(c)
      }
    }
    return out
  }
}
