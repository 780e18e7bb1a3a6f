/// Every finding rule, in the one order findings of equal severity keep (log, `/metrics` and cross-check
/// rules alike; a rule shared by two sources is listed once). `profilemate rules` and docs/findings.md list
/// it; each source evaluates the rules that conform to its protocol (``LogFindingRule`` here,
/// `MetricsFindingRule` in PromMetrics, `CrossCheckFindingRule` in RunJoin).
public enum FindingRegistry {
  /// The rules.
  public static let rules: [any FindingRule] = [
    MFUDebugCrashRule(), KVCacheTooSmallRule(), OutOfMemoryRule(), EngineDeadRule(), ErrorsLoggedRule(),
    QueueingRule(), PreemptionsRule(), KVPressureRule(), KVOverprovisionedRule(),
    DecodeDominatedRule(), PrefillDominatedRule(), MixedStepsRule(),
    PrefillBottleneckRule(), DecodeBottleneckRule(), LowPrefixHitsRule(),
    GraphPaddingRule(), CaptureSizesRule(), EagerStepsRule(), CudaGraphModeRule(), BatchUtilizationRule(),
    RooflineRule(), HTTPErrorsRule(), ObservabilityRule(),
    BenchmarkFailuresRule(),
    TokenCrossCheckRule(
      check: "generation_tokens", summary: "the log's generated tokens and the counter differ by more than 1%"),
    TokenCrossCheckRule(
      check: "prompt_tokens", summary: "the log's prompt tokens and the counter differ by more than 1%"),
    RequestsCrossCheckRule(),
    LatencyCrossCheckRule(
      key: "ttft", summary: "a benchmark TTFT percentile lies outside the server's histogram bucket for it"),
    LatencyCrossCheckRule(
      key: "itl", summary: "a benchmark inter-token-latency percentile lies outside the server's histogram bucket"),
    RequestRateCrossCheckRule(),
  ]

  /// Every rule's description, in registry order.
  public static var infos: [RuleInfo] { rules.map(\.info) }

  /// The rule whose id is `id` or whose family of ids holds it.
  public static func rule(for findingID: String) -> (any FindingRule)? {
    rules.first { $0.info.matches(findingID) }
  }

  /// The rules that read the server log, in registry order.
  static let logRules: [any LogFindingRule] = rules.compactMap { $0 as? any LogFindingRule }
}
