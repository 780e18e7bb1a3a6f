import ProfileMateCore

extension CrossCheckRule: CrossCheckFindingRule {
  /// One finding per disagreeing check of this rule's family, in check order.
  package func evaluate(_ checks: [CrossCheck], benchmark: BenchmarkResult?, _ t: FindingThresholds) -> [Finding] {
    checks.filter { $0.status == .disagree && reports($0.id) }.map(finding)
  }

  /// The finding for one disagreeing check: both sides, the tolerance, and what to change.
  func finding(_ c: CrossCheck) -> Finding {
    func show(_ v: Double?) -> String { v.map { RunCrossChecks.num($0) } ?? "n/a" }
    let evidence = [
      Evidence("\(c.expected.source) = \(show(c.expected.value)) \(c.unit)"),
      Evidence("\(c.observed.source) = \(show(c.observed.value)) \(c.unit)"),
      Evidence("tolerance: \(c.tolerance); \(c.note)"),
    ]
    var severity = Severity.warning
    let recommendation: String
    switch c.id {
    case "generation_tokens", "prompt_tokens":
      recommendation =
        "Make sure the log and the scrapes come from the same server run (a restart resets the counters; "
        + "scrape every engine) and that the recording ends after the load has drained."
    case "requests":
      if (c.difference ?? 0) > 0 { severity = .info }
      recommendation =
        (c.difference ?? 0) > 0
        ? "Run the benchmark alone on the server before comparing its latencies with the server's histograms."
        : "Scrape the server the benchmark targeted (every engine) from before it starts until after it ends."
    case "request_rate":
      recommendation =
        "Run the load generator on a machine with spare CPU, or lower --request-rate / raise --max-concurrency, "
        + "and treat this run's latencies as those of the achieved rate."
    default:
      recommendation =
        "Client and server disagree on latency: look for time outside the engine (HTTP or proxy queues, "
        + "tokenization, a client short of CPU, the network between them)."
    }
    return Finding(
      id: "crosscheck_\(c.id)", severity: severity,
      title: "Sources disagree: \(c.title)", evidence: evidence, recommendation: recommendation)
  }
}
