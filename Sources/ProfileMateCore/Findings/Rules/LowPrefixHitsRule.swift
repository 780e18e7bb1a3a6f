/// `low_prefix_cache_hits`: few prompt tokens hit the prefix cache (`/metrics`; evaluated in PromMetrics).
package struct LowPrefixHitsRule: FindingRule {
  package let info = RuleInfo(
    id: "low_prefix_cache_hits", area: .prefixCache, sources: [.metrics], severities: [.info],
    summary: "prefix-cache hit rate < low_prefix_hit_pct over ≥ min_prefix_queries queried tokens",
    thresholds: ["low_prefix_hit_pct", "min_prefix_queries"])

  package init() {}
}
