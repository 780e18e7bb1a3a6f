import ProfileMateCore

/// Findings from a run directory's cross-checks (one per disagreement) and from the benchmark itself.
public enum CrossCheckFindings {
  /// The findings, in check order; the benchmark's failures first.
  public static func evaluate(_ checks: [CrossCheck], benchmark: BenchmarkResult?) -> [Finding] {
    var out: [Finding] = []
    if let b = benchmark, let failed = b.failed, failed > 0 {
      let total = b.completed + failed
      var evidence = [Evidence("\(b.source): completed = \(b.completed), failed = \(failed)")]
      evidence += b.errors.map { Evidence("\($0.count) × \($0.message)") }
      out.append(
        Finding(
          id: "benchmark_failures", severity: b.completed == 0 ? .critical : .warning,
          title: "The benchmark's requests failed: \(failed) of \(total)", evidence: evidence,
          recommendation:
            "Read the server log at the time of the first failure (a crash, a 4xx/5xx, a time-out); latency "
            + "figures only describe the requests that completed."))
    }
    for c in checks where c.status == .disagree {
      out.append(finding(c))
    }
    return out
  }

  static func finding(_ c: CrossCheck) -> Finding {
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
      id: "crosscheck_\(c.id)", severity: severity, title: "Sources disagree: \(c.title)", evidence: evidence,
      recommendation: recommendation)
  }
}
