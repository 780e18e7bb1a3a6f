import ProfileMateCore

extension LowPrefixHitsRule: MetricsFindingRule {
  /// Prefix-cache hit rate below ``FindingThresholds/lowPrefixHitPct`` over enough queried tokens.
  package func evaluate(_ e: EngineSummary, _ t: FindingThresholds) -> [Finding] {
    typealias M = MetricsFindingRules
    guard let q = e.prefixCacheQueries, q >= t.minPrefixQueries, let rate = e.prefixCacheHitRatePct,
      rate < t.lowPrefixHitPct
    else { return [] }
    var evidence = [
      Evidence(
        "prefix-cache hits \(Format.grouped(Int(e.prefixCacheHits ?? 0))) of \(Format.grouped(Int(q))) queried "
          + "tokens \(M.scope(e)) = \(Format.pct(rate))",
        lines: M.line(e, .prefixCacheQueries) + M.line(e, .prefixCacheHits))
    ]
    if let enabled = e.cacheConfig?.prefixCachingEnabled {
      evidence.append(Evidence("enable_prefix_caching = \(enabled ? "True" : "False")", line: e.cacheConfig?.line))
    }
    return [
      Finding(
        id: info.id, severity: .info,
        title: "Low prefix-cache hit rate (\(Format.pct(rate)))", evidence: evidence,
        recommendation:
          "Prompts share little: put the shared part (system prompt, few-shot examples, documents) first and keep "
          + "it byte-identical across requests; route requests of one conversation to the same replica. If the "
          + "traffic has no shared prefixes the cache costs little but gains nothing.")
    ]
  }
}
