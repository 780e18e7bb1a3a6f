import Kernels
import ProfileMateCore

/// `profilemate kernels --markdown`: the text report's content as GitHub-flavoured Markdown.
public enum KernelsMarkdown {
  /// The Markdown for `files`, showing at most `top` kernels per file.
  public static func render(_ files: [(path: String, report: KernelReport)], top: Int) -> String {
    var out = "# Kernels\n"
    for (path, r) in files {
      out += "\n## \(MarkdownReport.escape(path))\n\n"
      out +=
        "\(r.kind.description)" + (r.computeCapability.map { ", compute capability \($0)" } ?? "")
        + (r.gpu.map { ", peaks of \($0.name)" } ?? "") + ". "
      if r.kernels.isEmpty {
        out += "No device kernels.\n"
      } else {
        out += kernelTables(r, top: top)
      }
      if let t = r.trace { out += trace(t, top: top) }
      if let n = r.nsys { out += nsys(n, top: top) }
      out += "\n### Findings\n\n"
      if r.findings.isEmpty { out += "No findings.\n" }
      for f in r.findings {
        out += "- **\(f.severity.rawValue.uppercased())** \(MarkdownReport.escape(f.title)) (`\(f.id)`)\n"
        for e in f.evidence { out += "  - \(MarkdownReport.escape(e.text))\n" }
        out += "  - → \(MarkdownReport.escape(f.recommendation))\n"
      }
    }
    return out
  }

  /// The class and top-kernel tables.
  static func kernelTables(_ r: KernelReport, top: Int) -> String {
    var out = ""
    out +=
      "\(Format.grouped(r.kernels.count)) kernels, \(Format.grouped(r.instances)) launches, "
      + "\(Format.duration(ns: r.totalNS)) of kernel time.\n"
    if let idle = r.idle {
      out +=
        "\nGPU idle between activities: \(Format.duration(ns: idle.idleNS)) of \(Format.duration(ns: idle.spanNS)) "
        + "(\(Format.pct(idle.idleShare * 100))).\n"
    }
    out += "\n| class | kernels | launches | time | share |\n|---|---:|---:|---:|---:|\n"
    for c in r.classes {
      out +=
        "| \(c.kernelClass.label) | \(Format.grouped(c.kernels)) | \(Format.grouped(c.instances)) "
        + "| \(Format.duration(ns: c.totalNS)) | \(Format.pct(c.timeShare * 100)) |\n"
    }
    out += "\n| # | kernel | class | launches | total | share | DRAM MB | GB/s |\n"
    out += "|---:|---|---|---:|---:|---:|---:|---:|\n"
    for (j, k) in r.kernels.prefix(top).enumerated() {
      out +=
        "| \(j + 1) | \(code(KernelsText.cut(k.name, 90))) | \(k.kernelClass.label) "
        + "| \(Format.grouped(k.instances)) | \(Format.duration(ns: k.totalNS)) | \(Format.pct(k.timeShare * 100)) "
        + "| \(k.dramBytes.map { Format.auto($0 / 1e6) } ?? "—") | \(k.achievedGBps.map(Format.auto) ?? "—") |\n"
    }
    if r.kernels.count > top { out += "\n\(r.kernels.count - top) more kernels in `--json`.\n" }
    if !r.unclassified.isEmpty {
      out +=
        "\nUnclassified: " + r.unclassified.prefix(10).map { code(KernelsText.cut($0, 60)) }.joined(separator: ", ")
        + "\n"
    }
    return out
  }

  /// A trace's totals, operators by self time and steps.
  static func trace(_ t: TraceSummary, top: Int) -> String {
    var out =
      "\n\(Format.grouped(t.events)) trace events" + (t.vllmVersion.map { ", vLLM \($0)" } ?? "")
      + "; span \(Format.duration(ns: Double(t.spanNS))), CPU operators \(Format.duration(ns: Double(t.cpuOpNS))), "
      + "device \(Format.duration(ns: Double(t.deviceNS))).\n"
    out += "\n| operator | calls | self | top-level calls | top-level time |\n|---|---:|---:|---:|---:|\n"
    for o in t.ops.prefix(top) {
      out +=
        "| \(code(KernelsText.cut(o.name, 60))) | \(Format.grouped(o.calls)) | \(Format.duration(ns: Double(o.selfNS))) "
        + "| \(Format.grouped(o.topLevelCalls)) | \(Format.duration(ns: Double(o.topLevelNS))) |\n"
    }
    guard !t.steps.isEmpty else { return out }
    out += "\n| step | batch | duration | operators | operator time | outside operators | device | model GFLOP |\n"
    out += "|---|---|---:|---:|---:|---:|---:|---:|\n"
    for st in t.steps.prefix(top) {
      let batch =
        st.shape.map {
          "prefill \($0.contextRequests) req / \($0.contextTokens) tok, decode \($0.generationRequests) req"
        } ?? (st.labels.first ?? "—")
      out +=
        "| #\(st.number) | \(MarkdownReport.escape(batch)) | \(Format.duration(ns: Double(st.durationNS))) "
        + "| \(Format.grouped(st.opCalls)) | \(Format.duration(ns: Double(st.cpuOpNS))) "
        + "| \(Format.duration(ns: Double(st.gapNS))) "
        + "| \(st.deviceEvents == 0 ? "—" : Format.duration(ns: Double(st.deviceNS))) "
        + "| \(st.model.map { Format.auto($0.flops / 1e9) } ?? "—") |\n"
    }
    if t.steps.count > top { out += "\n\(t.steps.count - top) more steps in `--json`.\n" }
    return out
  }

  /// NVTX ranges and CUDA API calls.
  static func nsys(_ n: NsysExtras, top: Int) -> String {
    var out = ""
    if !n.ranges.isEmpty {
      out += "\n| NVTX range | instances | total |\n|---|---:|---:|\n"
      for g in n.ranges.prefix(top) {
        out +=
          "| \(code(KernelsText.cut(g.name, 60))) | \(Format.grouped(g.instances)) | \(Format.duration(ns: g.totalNS)) |\n"
      }
    }
    if !n.apiCalls.isEmpty {
      out += "\n| CUDA API call | calls | total |\n|---|---:|---:|\n"
      for c in n.apiCalls.prefix(top) {
        out +=
          "| \(code(KernelsText.cut(c.name, 60))) | \(Format.grouped(c.calls)) | \(Format.duration(ns: c.totalNS)) |\n"
      }
      out +=
        "\nCUDA-graph launches: \(Format.grouped(n.graphLaunches ?? 0)), kernel launches: "
        + "\(Format.grouped(n.kernelLaunches ?? 0)).\n"
    }
    return out
  }

  /// A kernel name as inline code, safe inside a table cell.
  static func code(_ s: String) -> String {
    "`" + s.replacing("`", with: "'").replacing("|", with: "\\|") + "`"
  }
}
