import ProfileMateCore

/// The `--csv DIR` tables: one file per series, RFC 4180 quoting, a header row each.
public enum CSVExport {
  /// The files to write: name → contents.
  public static func files(_ m: RunModel) -> [(name: String, contents: String)] {
    [
      ("steps.csv", steps(m)), ("stats.csv", stats(m)), ("cudagraph.csv", cudagraph(m)), ("mfu.csv", mfu(m)),
      ("events.csv", events(m)),
    ]
  }

  /// A text cell: RFC 4180 quoting, and a cell that a spreadsheet would take for a formula (starting with `=`,
  /// `+`, `-`, `@`, a tab or a carriage return, and not a number) led by `'` so it stays text (OWASP's advice
  /// against CSV injection). Numbers are written by their callers and pass unchanged.
  static func field(_ s: String) -> String {
    var s = s
    if let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(s) == nil {
      s = "'" + s
    }
    // By scalar: "\r\n" is one Character, equal to neither "\r" nor "\n".
    guard s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
    return "\"" + s.replacing("\"", with: "\"\"") + "\""
  }

  /// `report.csv`: every figure of the report page, one row per cell — the section, the item (a fact's label,
  /// a table row's first cell, a finding's id), the column (`value`, a table's header, a finding's field) and
  /// the text as the reports show it — so a spreadsheet gets what the text, Markdown and HTML reports show.
  public static func reportFile(_ page: ReportPage) -> (name: String, contents: String) {
    var out = "section,item,column,value\n"
    func row(_ section: String, _ item: String, _ column: String, _ value: String) {
      out += [section, item.trimmedSpaces, column.trimmedSpaces, value].map(field).joined(separator: ",") + "\n"
    }
    for s in page.sections {
      for b in s.blocks {
        switch b {
        case .facts(let facts):
          for f in facts { row(s.id, f.label, "value", f.value) }
        case .table(let header, let rows, _):
          for r in rows {
            for (i, cell) in r.enumerated().dropFirst() where i < header.count { row(s.id, r[0], header[i], cell) }
          }
        case .lines(let lines):
          for (i, l) in lines.enumerated() { row(s.id, "line \(i + 1)", "text", l.map(\.text).joined()) }
        case .note(let text):
          row(s.id, "note", "text", text)
        case .findings(let findings):
          for f in findings {
            row(s.id, f.id, "severity", f.severity.rawValue)
            row(s.id, f.id, "title", f.title)
            for e in f.evidence { row(s.id, f.id, "evidence", e.text) }
            row(s.id, f.id, "recommendation", f.recommendation)
          }
        case .checks(let checks):
          for c in checks {
            row(s.id, c.id, "status", c.status.rawValue)
            row(s.id, c.id, "expected", c.expected.value.map { ReportPage.figure($0, c.unit) } ?? "")
            row(s.id, c.id, "observed", c.observed.value.map { ReportPage.figure($0, c.unit) } ?? "")
          }
        case .chart:
          continue
        }
      }
    }
    return ("report.csv", out)
  }

  static func opt(_ v: Double?) -> String { v.map { Format.fixed($0, 2) } ?? "" }

  static func steps(_ m: RunModel) -> String {
    let q = m.config.decodeQueryLen
    var out =
      "engine,step,kind,context_requests,context_tokens,generation_requests,generation_tokens,elapsed_ms,kv_usage_pct,dummy\n"
    out.reserveCapacity(m.engines.reduce(0) { $0 + $1.steps.count } * 48)
    for e in m.engines {
      let engine = String(e.index)
      for (i, s) in e.steps.enumerated() {
        out += engine
        out += ","
        out += String(i)
        out += ","
        out += s.kind(decodeQueryLen: q).rawValue
        out += ",\(s.contextRequests),\(s.contextTokens),\(s.generationRequests),\(s.generationTokens),"
        out += Format.fixed(s.elapsedMs, 2)
        out += ","
        out += s.kvUsagePct.map { Format.fixed($0, 1) } ?? ""
        out += s.isDummy ? ",1\n" : ",0\n"
      }
    }
    return out
  }

  static func stats(_ m: RunModel) -> String {
    var out =
      "engine,line,time_s,prompt_tps,generation_tps,running,waiting,swapped,deferred,preemptions,kv_usage_pct,prefix_hit_rate_pct,debug\n"
    let rows =
      m.engines.flatMap { e in e.stats.map { (String(e.index), $0) } }
      + m.aggregatedStats.map { ("aggregated", $0) }
    for (engine, s) in rows {
      out +=
        "\(engine),\(s.line),\(opt(s.time)),\(Format.fixed(s.promptThroughput, 1)),"
        + "\(Format.fixed(s.generationThroughput, 1)),\(s.running),\(s.waiting),\(s.swapped.map(String.init) ?? ""),"
        + "\(s.deferred.map(String.init) ?? ""),\(s.preemptions),\(s.kvUsagePct.map { Format.fixed($0, 1) } ?? ""),"
        + "\(s.prefixCacheHitRatePct.map { Format.fixed($0, 1) } ?? ""),\(s.isDebug ? 1 : 0)\n"
    }
    return out
  }

  static func cudagraph(_ m: RunModel) -> String {
    var out = "engine,table_line,time_s,mode,unpadded_tokens,padded_tokens,num_paddings,runtime_mode,count\n"
    for e in m.engines {
      for t in e.cudagraphTables {
        for r in t.rows {
          out +=
            "\(e.index),\(t.line),\(opt(t.time)),\(field(t.mode ?? "")),\(r.unpaddedTokens),\(r.paddedTokens),"
            + "\(r.paddings),\(field(r.runtimeMode)),\(r.count)\n"
        }
      }
    }
    return out
  }

  static func mfu(_ m: RunModel) -> String {
    var out = "engine,line,time_s,tflops_per_gpu,gbps_per_gpu\n"
    for e in m.engines {
      for s in e.mfu {
        out += "\(e.index),\(s.line),\(opt(s.time)),\(s.tflopsPerGPU),\(s.gbpsPerGPU)\n"
      }
    }
    return out
  }

  static func events(_ m: RunModel) -> String {
    var out = "kind,line,time_s,message\n"
    for e in m.events.sorted(by: { $0.line < $1.line }) {
      out += "\(e.kind.rawValue),\(e.line),\(opt(e.time)),\(field(e.message))\n"
    }
    return out
  }
}
