import ProfileMateCore
import VLLMLog

/// Logs to render, built from spec-shaped lines.
enum ReportFixtures {
  static let p = "INFO 05-13 10:01:02 [loggers.py:257] "

  static func read(_ lines: [String]) -> RunModel {
    LogReader.read(Array(lines.map { $0 + "\n" }.joined().utf8), source: "test.log")
  }

  static func stats(running: Int, waiting: Int, kv: String) -> String {
    p + "Engine 000: Avg prompt throughput: 100.0 tokens/s, Avg generation throughput: 50.0 tokens/s, "
      + "Running: \(running) reqs, Waiting: \(waiting) reqs, GPU KV cache usage: \(kv)%, Prefix cache hit rate: 0.0%"
  }

  static func iteration(_ i: Int, ctx: Int, gen: Int, ms: String) -> String {
    p + "Engine 000: Iteration(\(i)): \(ctx > 0 ? 1 : 0) context requests, \(ctx) context tokens, "
      + "\(gen) generation requests, \(gen) generation tokens, iteration elapsed time: \(ms) ms, "
      + "GPU KV cache usage: 1.0%"
  }

  /// A log with every section: config, capacity, steps, stats with queueing and KV pressure, a
  /// CUDA-graph table, MFU, and an error.
  static let richLines: [String] = {
    let t = "INFO 05-13 10:01:12 [cuda_graph.py:123] "
    var lines = [
      "INFO 05-13 10:00:00 [core.py:77] Initializing a V1 LLM engine (v0.15.0) with config: "
        + "model='meta-llama/Llama-3.1-8B', dtype=torch.bfloat16, max_seq_len=8192, tensor_parallel_size=2, "
        + "compilation_config={'cudagraph_mode': <CUDAGraphMode.FULL_AND_PIECEWISE: (2, 1)>, "
        + "'cudagraph_capture_sizes': [1, 2, 4, 8], 'max_cudagraph_capture_size': 8}",
      "INFO 05-13 10:00:00 [scheduler.py:1] Chunked prefill is enabled with max_num_batched_tokens=2048.",
      "INFO 05-13 10:00:00 [kv_cache_utils.py:1] GPU KV cache size: 98,304 tokens, "
        + "Maximum concurrency for 8,192 tokens per request: 12.00x",
      iteration(0, ctx: 100, gen: 0, ms: "10.00"),
      iteration(1, ctx: 0, gen: 4, ms: "5.00"),
      iteration(2, ctx: 0, gen: 2, ms: "7.00"),
      stats(running: 4, waiting: 6, kv: "95.0"),
      stats(running: 4, waiting: 2, kv: "50.0"),
    ]
    lines += [
      "**CUDAGraph Config Settings:**", "", "- Mode: FULL_AND_PIECEWISE", "- Capture sizes: [1, 2, 4, 8]", "",
      "**CUDAGraph Stats:**", "", "| Unpadded Tokens | Padded Tokens | Num Paddings | Runtime Mode | Count |",
      "|-----------------|---------------|--------------|--------------|-------|",
      "| 3               | 4             | 1            | FULL         | 10    |",
      "| 5               | 8             | 3            | FULL         | 10    |", "",
    ].map { t + $0 }
    lines += [
      p + "Engine 000: MFU: 10.5 TF/s/GPU 200.0 GB/s/GPU",
      "ERROR 05-13 10:01:20 [core.py:1] Something failed, badly: \"quoted\" text",
    ]
    return lines
  }()

  static var rich: RunModel { read(richLines) }
}
