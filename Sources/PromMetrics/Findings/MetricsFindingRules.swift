import ProfileMateCore

/// Evaluates the registry's `/metrics` rules over ``EngineSummary``s (one scrape, a window or a recording),
/// in the same form as the log analysis: queueing, preemptions, KV pressure, the prefill/decode time ratio,
/// low prefix-cache hits.
public enum MetricsFindingRules {
  /// The rules that read `/metrics`, in registry order.
  static let rules: [any MetricsFindingRule] = FindingRegistry.rules.compactMap { $0 as? any MetricsFindingRule }

  /// Evaluates every rule for every engine; most severe first (ties keep engine and rule order).
  public static func evaluate(_ engines: [EngineSummary], thresholds t: FindingThresholds) -> [Finding] {
    let all = engines.flatMap { e in
      rules.flatMap { $0.evaluate(e, t) }.map { tagged($0, e, multiple: engines.count > 1) }
    }
    return FindingRules.ordered(all)
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
}
