import ProfileMateCore
import VLLMLog

/// Small in-memory log snippets for reader tests.
enum Snippet {
  /// Reads the given lines (joined with newlines) into a run model.
  static func read(_ lines: [String]) -> RunModel {
    LogReader.read(Array((lines.joined(separator: "\n") + "\n").utf8))
  }

  /// The body of a v0.11.1+ periodic stats line (after `Engine 000: `).
  static func stats() -> String {
    "Avg prompt throughput: 0.0 tokens/s, Avg generation throughput: 0.0 tokens/s, Running: 0 reqs, "
      + "Waiting: 0 reqs, GPU KV cache usage: 0.0%, Prefix cache hit rate: 0.0%"
  }

  /// Every stats sample of every engine, in engine order.
  static func allStats(_ model: RunModel) -> [StatsSample] {
    model.engines.flatMap(\.stats)
  }
}
