import ProfileMateCore
import VLLMLog

/// Small log snippets modelled on the spec (`shared/spec/vllm-observability.md`).
enum Snippet {
  /// The v0.8+ envelope at 05-13 10:01:02.
  static let v1 = "INFO 05-13 10:01:02 [loggers.py:257] "
  /// The ≤ v0.7 envelope (no brackets).
  static let v0 = "INFO 05-13 10:01:02 metrics.py:351] "

  /// A v0.11.1+ stats line body.
  static func stats(
    prompt: String = "10.0", generation: String = "20.0", running: Int = 3, waiting: Int = 0, kv: String = "5.0"
  ) -> String {
    "Avg prompt throughput: \(prompt) tokens/s, Avg generation throughput: \(generation) tokens/s, "
      + "Running: \(running) reqs, Waiting: \(waiting) reqs, GPU KV cache usage: \(kv)%, Prefix cache hit rate: 0.0%"
  }

  /// An iteration line body (v0.14 form; callers add the v0.26 suffix).
  static func iteration(
    _ i: Int, ctxReqs: Int, ctxTokens: Int, genReqs: Int, genTokens: Int, ms: String
  ) -> String {
    "Iteration(\(i)): \(ctxReqs) context requests, \(ctxTokens) context tokens, \(genReqs) generation requests, "
      + "\(genTokens) generation tokens, iteration elapsed time: \(ms) ms"
  }

  /// Reads lines joined by `ending` (each line gets one).
  static func read(_ lines: [String], ending: String = "\n") -> RunModel {
    LogReader.read(Array(lines.map { $0 + ending }.joined().utf8))
  }

  /// All stats samples of all engines, in engine order.
  static func allStats(_ m: RunModel) -> [StatsSample] { m.engines.flatMap(\.stats) }
}
