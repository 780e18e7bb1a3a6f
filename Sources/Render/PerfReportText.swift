import PerfModel
import ProfileMateCore

/// The text of `profilemate perf`: each component's FLOPs and bytes, corrections, omissions and the totals.
public enum PerfReportText {
  /// Renders `r` for the config at `config`.
  public static func render(_ r: PerfReport, config: String) -> String {
    var out = "\(config) — \(r.perGPU ? "per GPU" : "whole model"), \(r.context.requests.count) request(s), "
    out += "\(r.context.totalNumTokens) tokens\n"
    for row in r.rows {
      let mark = row.vllmSkipReason == nil ? "" : "  [skipped by vLLM: \(row.vllmSkipReason ?? "")]"
      out += "\n\(row.component)\(mark)\n"
      for (title, terms) in [
        ("flops", row.breakdown.flops), ("read_bytes", row.breakdown.readBytes),
        ("write_bytes", row.breakdown.writeBytes),
      ] {
        for t in terms {
          out += "  " + pad("\(title).\(t.key)", 36) + pad(Format.grouped(t.value), 26, right: true) + "\n"
        }
      }
      if let c = row.correction { out += "  correction: \(c)\n" }
    }
    for o in r.omitted { out += "\n\(o.name): omitted — \(o.reason)\n" }
    let t = r.totals
    let v = r.vllmTotals
    out += "\ntotals        flops \(Format.grouped(t.flops))  read \(Format.grouped(t.readBytes)) B"
    out += "  write \(Format.grouped(t.writeBytes)) B\n"
    if t != v {
      out += "vLLM reports  flops \(Format.grouped(v.flops))  read \(Format.grouped(v.readBytes)) B"
      out += "  write \(Format.grouped(v.writeBytes)) B  (skipped components not billed)\n"
    }
    return out
  }

  static func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - s.count))
    return right ? fill + s : s + fill
  }
}
