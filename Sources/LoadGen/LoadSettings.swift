/// The run's settings as `vllm bench serve` names them, for the result file.
public struct LoadSettings: Sendable {
  /// `--backend` label written to the result (`vllm` or `openai-chat`).
  public var backend = "vllm"
  /// `--model`.
  public var model = ""
  /// `--endpoint`.
  public var endpoint = "/v1/completions"
  /// `--num-prompts`.
  public var numPrompts = 1000
  /// `--request-rate` (infinity: all at once).
  public var requestRate = Double.infinity
  /// `--burstiness`.
  public var burstiness = 1.0
  /// `--max-concurrency`.
  public var maxConcurrency: Int?
  /// `--percentile-metrics`.
  public var percentileMetrics = ["ttft", "tpot", "itl"]
  /// `--metric-percentiles`.
  public var metricPercentiles = [99.0]
  /// `--goodput` SLOs in ms by metric (`ttft`, `tpot`, `e2el`).
  public var goodput: [String: Double] = [:]
  /// `--save-detailed`: per-request arrays in the result.
  public var saveDetailed = false
  /// `--label`.
  public var label: String?

  /// Creates the defaults (`vllm bench serve`'s).
  public init() {}

  /// Parses `--goodput ttft:MS tpot:MS e2el:MS`.
  /// - Throws: a message naming the bad item.
  public static func parseGoodput(_ items: [String]) throws(LoadError) -> [String: Double] {
    var out: [String: Double] = [:]
    for item in items {
      let parts = item.split(separator: ":", maxSplits: 1).map(String.init)
      guard parts.count == 2, ["ttft", "tpot", "e2el"].contains(parts[0]), let ms = Double(parts[1]), ms.isFinite,
        ms >= 0
      else {
        throw LoadError("--goodput: '\(item)' is not ttft:MS, tpot:MS or e2el:MS")
      }
      out[parts[0]] = ms
    }
    return out
  }
}

/// A load-generator failure with a one-line, user-facing message.
public struct LoadError: Error, CustomStringConvertible, Sendable {
  /// The message.
  public let description: String

  /// Creates an error.
  public init(_ description: String) { self.description = description }
}
