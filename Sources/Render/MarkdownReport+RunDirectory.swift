import ProfileMateCore

extension MarkdownReport {
  /// The benchmark (load, results, latency percentiles) and the cross-checks, for a run directory.
  static func runDirectory(_ a: RunAnalysis) -> String {
    var out = ""
    if let b = a.model.benchmark {
      out += "\n### Benchmark (`\(escape(b.source))`, \(escape(b.generator)))\n\n"
      var load = ["\(b.numPrompts.map(Format.grouped) ?? "?") prompts"]
      load.append(b.requestRate.map { "request rate \(Format.auto($0))/s" } ?? "all at once")
      if let c = b.maxConcurrency { load.append("max concurrency \(c)") }
      if let r = b.achievedSendRate { load.append("achieved send rate \(Format.auto(r))/s") }
      out += "- load: " + load.joined(separator: ", ") + "\n"
      out +=
        "- completed \(Format.grouped(b.completed)), failed \(b.failed.map(Format.grouped) ?? "—")"
        + (b.duration.map { " in \(Format.fixed($0, 2)) s" } ?? "") + "\n"
      var rates: [String] = []
      if let x = b.requestThroughput { rates.append("\(Format.auto(x)) req/s") }
      if let x = b.outputThroughput { rates.append("\(Format.auto(x)) output tok/s") }
      if let x = b.totalTokenThroughput { rates.append("\(Format.auto(x)) total tok/s") }
      if !rates.isEmpty { out += "- throughput: " + rates.joined(separator: ", ") + "\n" }
      let ps = Array(Set(b.latencies.flatMap { $0.percentiles.map(\.percentile) })).sorted()
      out += "\n| latency (ms) | mean | median | " + ps.map(JSONReport.percentileKey).joined(separator: " | ") + " |\n"
      out += "|---|---:|---:|" + String(repeating: "---:|", count: ps.count) + "\n"
      for l in b.latencies {
        let cells = [l.mean, l.median] + ps.map { p in l.percentiles.first { $0.percentile == p }?.ms }
        out += "| \(l.metric) | " + cells.map(ms).joined(separator: " | ") + " |\n"
      }
    }
    if !a.crossChecks.isEmpty {
      out += "\n### Cross-checks\n\n| check | status | expected | observed | tolerance |\n|---|---|---:|---:|---|\n"
      for c in a.crossChecks {
        func side(_ s: CrossCheck.Side) -> String { s.value.map { figure($0, c.unit) } ?? "n/a" }
        out +=
          "| \(escape(c.title)) | \(c.status.rawValue) | \(escape(side(c.expected))) | \(escape(side(c.observed))) "
          + "| \(escape(c.tolerance)) |\n"
      }
    }
    return out
  }

  /// A cross-check figure: seconds as ms, whole counts grouped.
  static func figure(_ x: Double, _ unit: String) -> String {
    if unit == "s" { return ms(x * 1000) + " ms" }
    return Format.count(x) + " " + unit
  }

  /// A latency in ms: two decimals, four below 0.1 ms.
  static func ms(_ x: Double?) -> String {
    guard let x else { return "—" }
    return abs(x) < 0.1 && x != 0 ? Format.fixed(x, 4) : Format.fixed(x, 2)
  }
}
