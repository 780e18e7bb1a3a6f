import ProfileMateCore

extension CSVExport {
  /// The run directory's tables, when it has them: `bench.csv` (one row per latency statistic of the benchmark)
  /// and `crosschecks.csv` (one row per cross-check).
  public static func runDirectoryFiles(_ a: RunAnalysis) -> [(name: String, contents: String)] {
    var out: [(String, String)] = []
    if let b = a.model.benchmark { out.append(("bench.csv", bench(b))) }
    if !a.crossChecks.isEmpty { out.append(("crosschecks.csv", crossChecks(a.crossChecks))) }
    return out
  }

  /// A figure in full precision (the file's own digits), empty when unknown.
  static func full(_ v: Double?) -> String {
    guard let v, v.isFinite else { return "" }
    return "\(v)"
  }

  static func bench(_ b: BenchmarkResult) -> String {
    var out = "metric,statistic,ms\n"
    for l in b.latencies {
      for (name, value) in [("mean", l.mean), ("median", l.median), ("std", l.std)] where value != nil {
        out += "\(l.metric),\(name),\(full(value))\n"
      }
      for p in l.percentiles {
        out += "\(l.metric),\(JSONReport.percentileKey(p.percentile)),\(full(p.ms))\n"
      }
    }
    return out
  }

  static func crossChecks(_ checks: [CrossCheck]) -> String {
    var out =
      "id,status,unit,expected,observed,difference,expected_source,observed_source,tolerance,title,note\n"
    for c in checks {
      out +=
        "\(c.id),\(c.status.rawValue),\(field(c.unit)),\(full(c.expected.value)),\(full(c.observed.value)),"
        + "\(full(c.difference)),\(field(c.expected.source)),\(field(c.observed.source)),\(field(c.tolerance)),"
        + "\(field(c.title)),\(field(c.note))\n"
    }
    return out
  }
}
