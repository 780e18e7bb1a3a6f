import ProfileMateCore

extension HTMLReport {
  /// Element ids of the run-directory charts.
  enum RunDirectoryID {
    static let benchTTFT = "chart-bench-ttft"
    static let benchITL = "chart-bench-itl"
    static let serverTTFT = "chart-server-ttft"
    static let serverITL = "chart-server-itl"
    static let latencyTable = "bench-latency"
  }

  /// Bins of the per-request histograms.
  static let requestBins = 24

  /// The charts of the benchmark section, by id: per-request TTFT and ITL (from the benchmark's arrays) and the
  /// server's TTFT and ITL histograms over the recording.
  static func runDirectoryCharts(_ a: RunAnalysis, _ server: ServerLatencyHistograms?) -> [(id: String, html: String)] {
    var out: [(String, String)] = []
    if let b = a.model.benchmark {
      if let t = b.ttfts, !t.isEmpty {
        out.append(
          (
            RunDirectoryID.benchTTFT,
            requestHistogram(
              id: RunDirectoryID.benchTTFT, title: "TTFT per request (benchmark, --save-detailed)",
              ms: t.map { $0 * 1000 }, what: "requests", cssClass: "s3")
          ))
      }
      if let t = b.itls, !t.isEmpty {
        out.append(
          (
            RunDirectoryID.benchITL,
            requestHistogram(
              id: RunDirectoryID.benchITL, title: "Inter-token latency: every gap between chunks (benchmark)",
              ms: t.map { $0 * 1000 }, what: "gaps", cssClass: "s1")
          ))
      }
    }
    let span = server?.seconds.map { " over the \(Format.fixed($0, 0)) s of the recording" } ?? ""
    for (id, title, h) in [
      (RunDirectoryID.serverTTFT, "TTFT, server histogram (vllm:time_to_first_token_seconds)", server?.ttft),
      (
        RunDirectoryID.serverITL, "Inter-token latency, server histogram (vllm:inter_token_latency_seconds)",
        server?.itl
      ),
    ] {
      guard let h else { continue }
      let bars = ServerLatencyHistograms.bars(h)
      guard !bars.isEmpty else { continue }
      let chart = SVGBarChart(
        id: id, title: title, xLabel: "bucket upper bound (ms)", yLabel: "observations", bars: bars, cssClass: "s2",
        note: "Observations that fell in each bucket\(span) (the histogram's increase from the first to the last "
          + "scrape, every engine summed); the server's clock starts when the engine receives the request.")
      out.append((id, chart.render()))
    }
    return out
  }

  /// A histogram of per-request values in ms: equal bins from 0 to the largest value.
  static func requestHistogram(id: String, title: String, ms: [Double], what: String, cssClass: String) -> String {
    let top = ms.filter(\.isFinite).max() ?? 0
    let width = top > 0 ? top / Double(requestBins) : 1
    var counts = [Int](repeating: 0, count: requestBins)
    for v in ms where v.isFinite {
      let bin = (v / width).rounded(.down)
      counts[bin >= Double(requestBins - 1) ? requestBins - 1 : (bin < 0 ? 0 : Int(bin))] += 1
    }
    let bars = counts.indices.map { i in
      let lo = Double(i) * width
      return SVGBarChart.Bar(
        label: Format.auto(lo), value: Double(counts[i]),
        hover: "\(Format.auto(lo))–\(Format.auto(lo + width)) ms: \(Format.grouped(counts[i])) \(what)")
    }
    let p50 = Distribution.percentile(sorted: ms.sorted(), 50)
    return SVGBarChart(
      id: id, title: title, xLabel: "ms (bins of \(Format.auto(width)) ms, labelled by their start)", yLabel: what,
      bars: bars, cssClass: cssClass,
      note: "\(Format.grouped(ms.count)) \(what) of the successful requests; median \(Format.auto(p50)) ms."
    ).render()
  }

  /// The id of a cross-check's table row.
  static func checkRowID(_ id: String) -> String { "check-" + id }

  /// The cross-checks section: one row per check, with both sides, the difference and the tolerance.
  static func crossChecks(_ checks: [CrossCheck]) -> String {
    guard !checks.isEmpty else { return "" }
    let counts = [CrossCheck.Status.agree, .disagree, .unchecked].map { s in
      "\(checks.filter { $0.status == s }.count) \(s.rawValue)"
    }
    var out =
      "<p>What the log, the server's /metrics and the benchmark say about the same run: "
      + HTMLText.escape(counts.joined(separator: ", ")) + ".</p>\n"
    out += "<table class=\"checks\"><thead><tr><th>check</th><th>status</th><th>expected</th><th>observed</th>"
    out += "<th>difference · tolerance</th></tr></thead><tbody>"
    func figure(_ x: Double) -> String {
      Format.count(x)
    }
    func side(_ s: CrossCheck.Side, _ unit: String) -> String {
      let v = s.value.map { figure($0) + " " + unit } ?? "n/a"
      return "<td><b>\(HTMLText.escape(v))</b><br><span class=\"muted\">\(HTMLText.escape(s.source))</span></td>"
    }
    for c in checks {
      out += "<tr id=\"\(HTMLText.escape(checkRowID(c.id)))\"><td>\(HTMLText.escape(c.title))"
      out += "<br><span class=\"muted\">\(HTMLText.escape(c.note))</span></td>"
      out += "<td class=\"st-\(c.status.rawValue)\">\(c.status.rawValue)</td>"
      out += side(c.expected, c.unit) + side(c.observed, c.unit)
      let d = c.difference.map { ($0 >= 0 ? "+" : "") + figure($0) + " " + c.unit } ?? "—"
      out +=
        "<td><b>\(HTMLText.escape(d))</b><br><span class=\"muted\">\(HTMLText.escape(c.tolerance))</span></td></tr>"
    }
    return out + "</tbody></table>\n"
  }

  /// Link targets of the run-directory findings: a cross-check's row, the benchmark section for failures.
  static func runDirectoryTargets(of finding: Finding) -> [String]? {
    if finding.id == "benchmark_failures" { return ["benchmark", "events"] }
    if finding.id.hasPrefix("crosscheck_") {
      let check = String(finding.id.dropFirst("crosscheck_".count))
      var out = [checkRowID(check)]
      if check.hasPrefix("ttft") { out.append(RunDirectoryID.serverTTFT) }
      if check.hasPrefix("itl") { out.append(RunDirectoryID.serverITL) }
      return out + ["crosschecks"]
    }
    return nil
  }
}
