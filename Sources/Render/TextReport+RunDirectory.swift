import ProfileMateCore

extension TextReport {
  /// The run directory's sections: what was joined, the benchmark, the cross-checks; empty for a single log.
  static func runDirectory(_ a: RunAnalysis, _ style: TextStyle) -> String {
    guard let s = a.sources else { return "" }
    var out = style.bold("Run directory") + "\n"
    var parts = [s.log].compactMap { $0 }
    if let m = s.metrics {
      var about = "\(s.scrapes) scrape\(s.scrapes == 1 ? "" : "s")"
      if let seconds = s.metricsSeconds { about += " over \(Format.fixed(seconds, 0)) s" }
      if s.failedScrapes > 0 { about += ", \(s.failedScrapes) failed" }
      parts.append("\(m) (\(about))")
    }
    parts += [s.benchmark, s.config, s.runInfo].compactMap { $0 }
    out += "  \(s.directory): " + parts.joined(separator: ", ") + "\n"
    if let v = s.recordedVLLMVersion {
      let flags = s.extraServerFlags.isEmpty ? "" : ", extra flags: " + s.extraServerFlags.joined(separator: " ")
      out += "  recorded with vLLM \(v)\(flags)\n"
    }
    out += "\n"
    if let b = a.model.benchmark { out += benchmark(b, style) + "\n" }
    out += style.bold("Cross-checks") + "\n"
    if a.crossChecks.isEmpty { out += "  None.\n" }
    for c in a.crossChecks {
      let mark: String
      switch c.status {
      case .agree: mark = style.wrap("agree    ", "32")
      case .disagree: mark = style.severity(.warning, "DISAGREE ")
      case .unchecked: mark = style.dim("unchecked")
      }
      out += "  \(mark) \(c.title)\n"
      out += "            \(c.expected.source): \(figure(c.expected.value, c.unit))\n"
      out += "            \(c.observed.source): \(figure(c.observed.value, c.unit))\n"
      if c.status == .unchecked {
        out += style.dim("            not checked: \(c.note)") + "\n"
      } else {
        out += style.dim("            tolerance: \(c.tolerance)") + "\n"
      }
    }
    return out + "\n"
  }

  private static func figure(_ v: Double?, _ unit: String) -> String {
    guard let v else { return "—" }
    if unit == "s" { return Format.ms(v * 1000) }
    return Format.count(v) + " " + unit
  }

  private static func benchmark(_ b: BenchmarkResult, _ style: TextStyle) -> String {
    var out = style.bold("Benchmark (\(b.generator), \(b.source))") + "\n"
    var t = TextTable()
    var load = b.requestRate.map { Format.auto($0) + " requests/s requested" } ?? "all at once"
    if let c = b.maxConcurrency { load += ", at most \(c) in flight" }
    if let r = b.achievedSendRate { load += ", \(Format.auto(r)) sent" }
    t.add("load", load)
    t.add("requests", "\(b.completed) completed, \(b.failed.map(String.init) ?? "?") failed")
    t.add("duration", b.duration.map { Format.fixed($0, 1) + " s" } ?? "—")
    t.add(
      "throughput",
      [
        b.requestThroughput.map { Format.auto($0) + " requests/s" },
        b.outputThroughput.map { Format.auto($0) + " output tokens/s" },
        b.totalTokenThroughput.map { Format.auto($0) + " tokens/s in all" },
      ].compactMap { $0 }.joined(separator: ", "))
    out += t.render()
    guard !b.latencies.isEmpty, b.completed > 0 else { return out }
    let ps = Array(Set(b.latencies.flatMap { $0.percentiles.map(\.percentile) })).sorted()
    var lat = TextTable()
    lat.add(["latency (ms)", "mean", "median"] + ps.map { JSONReport.percentileKey($0) })
    let names = ["ttft": "TTFT", "tpot": "TPOT", "itl": "ITL", "e2el": "E2E"]
    for l in b.latencies {
      var row = [names[l.metric] ?? l.metric, l.mean.map { Format.fixed($0, 1) } ?? "—"]
      row.append(l.median.map { Format.fixed($0, 1) } ?? "—")
      for p in ps { row.append(l.percentiles.first { $0.percentile == p }.map { Format.fixed($0.ms, 1) } ?? "—") }
      lat.add(row)
    }
    return out + lat.render()
  }
}
