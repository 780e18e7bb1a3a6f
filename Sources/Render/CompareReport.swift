import ProfileMateCore

/// `profilemate compare`: the comparison as text (side by side) or as JSON (`docs/compare.md`).
public enum CompareReport {
  /// The compare JSON's schema version.
  public static let schemaVersion = 1

  /// The side-by-side text report.
  public static func text(_ c: RunComparison, style: TextStyle) -> String {
    var out = style.bold("ProfileMate compare") + "\n"
    out += "  A  \(c.sourceA)\n  B  \(c.sourceB)\n\n"
    out += style.bold("Configuration differences") + "\n"
    if c.configDifferences.isEmpty {
      out += "  none\n"
    } else {
      // Values are text (model names, capture-size lists): left-aligned, and cut so one long list does not
      // pad every other row (the JSON keeps them whole).
      var t = TextTable(leftAligned: [1, 2, 3])
      for d in c.configDifferences { t.add(d.key, cut(d.a ?? "—"), "→", cut(d.b ?? "—")) }
      out += t.render()
    }
    out += "\n" + style.bold("Figures") + "\n"
    let ci = "\(Format.fixed(c.settings.confidencePct, 0)) % CI of B − A"
    var t = TextTable()
    t.add("", "A", "B", "B − A", "change", ci, "verdict")
    for m in c.metrics where m.a != nil || m.b != nil {
      t.add(
        m.label, value(m.a, m.unit), value(m.b, m.unit), delta(m),
        m.relativePct.map { Format.signed($0, decimals: 1) + "%" } ?? "—", interval(m.interval),
        m.verdict == .notTested ? "" : m.verdict.words)
    }
    out += t.render()
    if !c.crossChecks.isEmpty {
      out += "\n" + style.bold("Cross-checks (run directories)") + "\n"
      var checks = TextTable()
      checks.add("", "A", "B")
      for p in c.crossChecks { checks.add(p.id, p.a?.rawValue ?? "—", p.b?.rawValue ?? "—") }
      out += checks.render()
    }
    out += "\n" + style.bold("Verdict: \(c.overall.words)") + "\n"
    for line in methodLines(c) { out += "  " + line + "\n" }
    return out
  }

  /// How the verdict was reached, in plain sentences (shared by the text and HTML reports).
  public static func methodLines(_ c: RunComparison) -> [String] {
    let s = c.settings
    var lines = [
      "Method: percentile bootstrap of the difference B − A of step-time medians and 99th percentiles per step "
        + "kind; \(Format.grouped(s.resamples)) resamples, seed \(s.seed), \(Format.fixed(s.confidencePct, 0)) % "
        + "intervals. A change is better or worse when the interval excludes zero, else no significant change."
    ]
    for u in c.latencySampleUse {
      let name = u.metric == "ttft" ? "TTFT" : "inter-token latency"
      var line =
        "\(name): the same bootstrap of the benchmark's per-request values (--save-detailed), "
        + "\(Format.grouped(u.usedA)) (A) and \(Format.grouped(u.usedB)) (B)"
      if u.usedA < u.seenA || u.usedB < u.seenB {
        line += ", a uniform random sample of \(Format.grouped(u.seenA)) and \(Format.grouped(u.seenB))"
      }
      lines.append(line + "; medians and 99th percentiles in ms.")
    }
    if c.sampleUse.isEmpty && c.latencySampleUse.isEmpty {
      lines.append(
        "No intervals: a run without iteration lines, or a saved report (it holds no single steps and no "
          + "per-request benchmark values), has nothing to resample; figures are compared as points.")
    }
    for u in c.sampleUse where u.usedA < u.seenA || u.usedB < u.seenB {
      lines.append(
        "\(u.kind.rawValue): the bootstrap used a uniform random sample of \(Format.grouped(u.usedA)) of "
          + "\(Format.grouped(u.seenA)) steps (A) and \(Format.grouped(u.usedB)) of \(Format.grouped(u.seenB)) "
          + "(B); the point figures use every step.")
    }
    switch c.throughputSource {
    case "step_time": lines.append("Throughput: all tokens ÷ total step time (iteration lines of both runs).")
    case "stats_lines": lines.append("Throughput: mean prompt + generation throughput of the stats lines.")
    default: break
    }
    return lines
  }

  /// The full comparison as JSON with a trailing newline.
  public static func json(_ c: RunComparison, toolVersion: String, gate: [GateRule.Outcome] = []) -> String {
    var w = JSONWriter()
    w.beginReport(schemaVersion: schemaVersion, toolVersion: toolVersion)
    w.string("a", c.sourceA)
    w.string("b", c.sourceB)
    w.beginArray("config_differences")
    for d in c.configDifferences {
      w.beginObject()
      w.string("key", d.key)
      w.string("a", d.a)
      w.string("b", d.b)
      w.endObject()
    }
    w.endArray()
    w.string("throughput_source", c.throughputSource)
    w.beginArray("metrics")
    for m in c.metrics {
      w.beginObject()
      w.string("metric", m.metric)
      w.string("label", m.label)
      w.string("unit", m.unit)
      w.rounded("a", m.a)
      w.rounded("b", m.b)
      w.rounded("difference", m.difference)
      w.rounded("relative_pct", m.relativePct, 3)
      w.bool("lower_is_better", m.lowerIsBetter)
      if let i = m.interval {
        w.beginObject("interval")
        w.rounded("lower", i.lower)
        w.rounded("upper", i.upper)
        w.endObject()
      } else {
        w.string("interval", nil)
      }
      w.string("verdict", m.verdict.rawValue)
      w.endObject()
    }
    w.endArray()
    w.string("overall", c.overall.rawValue)
    w.beginObject("bootstrap")
    w.string(
      "method",
      "percentile bootstrap of B − A (medians and 99th percentiles of step times per kind, and of the benchmark's "
        + "per-request TTFT and inter-token latency)")
    w.int("resamples", c.settings.resamples)
    w.string("seed", String(c.settings.seed))
    w.double("confidence_pct", c.settings.confidencePct)
    w.int("sample_limit", c.settings.sampleLimit)
    w.beginArray("samples")
    for u in c.sampleUse {
      w.beginObject()
      w.string("kind", u.kind.rawValue)
      w.int("used_a", u.usedA)
      w.int("steps_a", u.seenA)
      w.int("used_b", u.usedB)
      w.int("steps_b", u.seenB)
      w.endObject()
    }
    w.endArray()
    w.beginArray("latency_samples")
    for u in c.latencySampleUse {
      w.beginObject()
      w.string("metric", u.metric)
      w.int("used_a", u.usedA)
      w.int("values_a", u.seenA)
      w.int("used_b", u.usedB)
      w.int("values_b", u.seenB)
      w.endObject()
    }
    w.endArray()
    w.endObject()
    w.beginArray("cross_checks")
    for p in c.crossChecks {
      w.beginObject()
      w.string("id", p.id)
      w.string("title", p.title)
      w.string("a", p.a?.rawValue)
      w.string("b", p.b?.rawValue)
      w.endObject()
    }
    w.endArray()
    w.beginArray("gate")
    for o in gate {
      w.beginObject()
      w.string("rule", o.rule.description)
      w.bool("fired", o.fired)
      w.string("message", o.message)
      w.endObject()
    }
    w.endArray()
    w.endObject()
    return w.text + "\n"
  }

  /// The longest configuration value the text table shows whole.
  static let valueWidth = 60

  /// `s` whole up to ``valueWidth`` characters, else its first `valueWidth − 1` and `…`.
  static func cut(_ s: String, width: Int = valueWidth) -> String {
    s.count <= width ? s : String(s.prefix(width - 1)) + "…"
  }

  /// A figure with its unit: percentages with one decimal, ms with two, whole counts grouped.
  static func value(_ x: Double?, _ unit: String) -> String {
    guard let x else { return "—" }
    switch unit {
    case "%": return Format.pct(x)
    case "ms": return abs(x) < 0.1 && x != 0 ? Format.fixed(x, 4) + " ms" : Format.ms(x)
    case "": return Format.count(x)
    default: return Format.auto(x) + " " + unit
    }
  }

  /// B − A with a sign: whole counts without decimals, other figures with two.
  static func delta(_ m: MetricComparison) -> String {
    guard let d = m.difference else { return "—" }
    return Format.signed(d, decimals: m.unit.isEmpty && d == d.rounded() ? 0 : 2)
  }

  static func interval(_ i: ConfidenceInterval?) -> String {
    guard let i else { return "" }
    return "[" + Format.signed(i.lower, decimals: 2) + ", " + Format.signed(i.upper, decimals: 2) + "]"
  }
}
