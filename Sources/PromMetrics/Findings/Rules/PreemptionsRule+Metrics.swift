import ProfileMateCore

extension PreemptionsRule: MetricsFindingRule {
  /// Any preemption in scope (since start, or in the window).
  package func evaluate(_ e: EngineSummary, _ t: FindingThresholds) -> [Finding] {
    typealias M = MetricsFindingRules
    guard let n = e.preemptions, n > 0 else { return [] }
    var evidence = [Evidence("\(M.number(n)) preemption(s) \(M.scope(e))", lines: M.line(e, .preemptions))]
    if let r = e.rates?.preemptionsPerSecond { evidence.append(Evidence("\(M.number(r)) preemptions/s")) }
    if let kv = e.kvCacheUsagePct {
      evidence.append(Evidence("KV-cache usage now \(Format.pct(kv))", lines: M.line(e, .kvCacheUsage)))
    }
    return [finding(count: M.number(n), evidence: evidence)]
  }
}
