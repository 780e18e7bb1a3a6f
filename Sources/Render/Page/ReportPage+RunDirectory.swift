import ProfileMateCore

extension ReportPage {
  /// The run directory's sections — what was joined, the benchmark, the cross-checks — or none for a single log.
  static func runDirectory(_ a: RunAnalysis) -> [ReportSection] {
    let server: [ReportBlock] = [
      .chart(HTMLReport.RunDirectoryID.serverTTFT), .chart(HTMLReport.RunDirectoryID.serverITL),
    ]
    var out: [ReportSection] = []
    if let s = a.sources {
      var parts = [s.log].compactMap { $0 }
      if let m = s.metrics {
        var about = "\(s.scrapes) scrape\(s.scrapes == 1 ? "" : "s")"
        if let seconds = s.metricsSeconds { about += " over \(Format.fixed(seconds, 0)) s" }
        if s.failedScrapes > 0 { about += ", \(s.failedScrapes) failed" }
        parts.append("\(m) (\(about))")
      }
      parts += [s.benchmark, s.config, s.runInfo].compactMap { $0 }
      var lines = ["\(s.directory): " + parts.joined(separator: ", ")]
      if let v = s.recordedVLLMVersion {
        let flags = s.extraServerFlags.isEmpty ? "" : ", extra flags: " + s.extraServerFlags.joined(separator: " ")
        lines.append("recorded with vLLM \(v)\(flags)")
      }
      let charts = a.model.benchmark == nil ? server : []
      out.append(ReportSection(id: "run-directory", title: "Run directory", blocks: [.plain(lines)] + charts))
    }
    if let b = a.model.benchmark {
      var section = benchmark(b)
      section.blocks += server
      out.append(section)
    }
    if a.sources != nil || !a.crossChecks.isEmpty { out.append(crossChecks(a.crossChecks)) }
    return out
  }

  static func benchmark(_ b: BenchmarkResult) -> ReportSection {
    var load = b.numPrompts.map { Format.grouped($0) + " prompts, " } ?? ""
    load += b.requestRate.map { Format.auto($0) + " requests/s requested" } ?? "all at once"
    if let burstiness = b.burstiness, burstiness != 1 { load += " (burstiness \(Format.auto(burstiness)))" }
    if let c = b.maxConcurrency { load += ", at most \(c) in flight" }
    if let r = b.achievedSendRate { load += ", \(Format.auto(r)) sent" }
    let f: [(label: String, value: String)] = [
      ("load", load), ("requests", "\(b.completed) completed, \(b.failed.map(String.init) ?? "?") failed"),
      ("duration", b.duration.map { Format.fixed($0, 1) + " s" } ?? "—"),
      (
        "throughput",
        [
          b.requestThroughput.map { Format.auto($0) + " requests/s" },
          b.outputThroughput.map { Format.auto($0) + " output tokens/s" },
          b.totalTokenThroughput.map { Format.auto($0) + " tokens/s in all" },
        ].compactMap { $0 }.joined(separator: ", ")
      ),
    ]
    var blocks: [ReportBlock] = [.facts(f)]
    if !b.errors.isEmpty {
      blocks.append(.note("Errors: " + b.errors.map { "\($0.count) × \($0.message)" }.joined(separator: "; ")))
    }
    if !b.latencies.isEmpty, b.completed > 0 {
      let ps = Array(Set(b.latencies.flatMap { $0.percentiles.map(\.percentile) })).sorted()
      let names = ["ttft": "TTFT", "tpot": "TPOT", "itl": "ITL", "e2el": "E2E"]
      let rows = b.latencies.map { l in
        [names[l.metric] ?? l.metric, latency(l.mean), latency(l.median), latency(l.std)]
          + ps.map { p in latency(l.percentiles.first { $0.percentile == p }?.ms) }
      }
      blocks.append(
        .table(header: ["latency (ms)", "mean", "median", "std"] + ps.map(percentileKey), rows: rows, textColumns: []))
    }
    blocks += [.chart(HTMLReport.RunDirectoryID.benchTTFT), .chart(HTMLReport.RunDirectoryID.benchITL)]
    return ReportSection(id: "benchmark", title: "Benchmark (\(b.generator), \(b.source))", blocks: blocks)
  }

  /// A latency in milliseconds: two decimals, four below 0.1 ms (token gaps of a bursty stream are that short).
  static func latency(_ ms: Double?) -> String {
    guard let ms else { return "—" }
    return abs(ms) < 0.1 && ms != 0 ? Format.fixed(ms, 4) : Format.fixed(ms, 2)
  }

  /// `p99`, `p99.9`: the key of a percentile in the benchmark's figures.
  static func percentileKey(_ p: Double) -> String {
    "p" + (Int(exactly: p).map(String.init) ?? String(p))
  }

  static func crossChecks(_ checks: [CrossCheck]) -> ReportSection {
    ReportSection(id: "crosschecks", title: "Cross-checks", blocks: [.checks(checks)], hasData: !checks.isEmpty)
  }

  /// A cross-check figure: seconds as milliseconds, counts grouped.
  static func figure(_ v: Double?, _ unit: String) -> String {
    guard let v else { return "—" }
    if unit == "s" { return Format.ms(v * 1000) }
    return Format.count(v) + " " + unit
  }
}
