import Kernels
import ProfileMateCore

/// `profilemate kernels` as text: per file, the class shares, the top kernels and the findings.
public enum KernelsText {
  /// The text for `files`, showing at most `top` kernels per file.
  public static func render(_ files: [(path: String, report: KernelReport)], top: Int, style: TextStyle) -> String {
    var out = ""
    for (i, (path, r)) in files.enumerated() {
      if i > 0 { out += "\n" }
      out += style.bold("Kernels — \(TerminalText.clean(path))") + "\n"
      out +=
        "  \(r.kind.description)" + (r.computeCapability.map { ", compute capability \($0)" } ?? "")
        + (r.gpu.map { ", peaks of \($0.name)" } ?? "") + "\n"
      if !r.kernels.isEmpty {
        out +=
          "  \(Format.grouped(r.kernels.count)) kernels, \(Format.grouped(r.instances)) launches, "
          + "\(Format.duration(ns: r.totalNS)) of kernel time\n"
      }
      if let idle = r.idle {
        out +=
          "  GPU idle between activities: \(Format.duration(ns: idle.idleNS)) of \(Format.duration(ns: idle.spanNS)) "
          + "(\(Format.pct(idle.idleShare * 100))), \(Format.grouped(idle.gaps)) gaps\n"
      }
      if let t = r.trace { out += trace(t, top: top, style: style) }
      if let n = r.nsys { out += nsys(n, top: top, style: style) }
      if r.kernels.isEmpty {
        out += "\n  No device kernels in this file.\n"
      } else {
        out += kernelTables(r, top: top, style: style)
      }
      out += "\n" + style.bold("Findings") + "\n"
      if r.findings.isEmpty { out += "  No findings.\n" }
      for (n, f) in r.findings.enumerated() {
        out +=
          "  \(n + 1). " + style.severity(f.severity, "[\(f.severity.rawValue.uppercased())]")
          + " \(TerminalText.clean(f.title))\n"
        for e in f.evidence {
          out += "     - \(TerminalText.clean(e.text))" + (e.lines.isEmpty ? "" : " (\(Format.lines(e.lines)))") + "\n"
        }
        out += "     → \(TerminalText.clean(f.recommendation))\n"
      }
    }
    return out
  }

  /// The class and top-kernel tables and the unclassified names.
  static func kernelTables(_ r: KernelReport, top: Int, style: TextStyle) -> String {
    var out = "\n" + style.bold("Classes") + "\n"
    var classes = TextTable()
    classes.add("class", "kernels", "launches", "time", "share")
    for c in r.classes {
      classes.add(
        c.kernelClass.label, Format.grouped(c.kernels), Format.grouped(c.instances), Format.duration(ns: c.totalNS),
        Format.pct(c.timeShare * 100))
    }
    out += classes.render()
    out += "\n" + style.bold("Top kernels") + "\n"
    var table = TextTable(leftAligned: [1, 8])
    table.add("#", "class", "launches", "total", "mean", "share", "DRAM MB", "GB/s", "name")
    for (j, k) in r.kernels.prefix(top).enumerated() {
      let bw = k.achievedGBps.map(Format.auto) ?? "—"
      let peak = k.peakShare(of: r.gpu).map { " (\(Format.fixed($0 * 100, 0))%)" } ?? ""
      table.add(
        String(j + 1), k.kernelClass.label, Format.grouped(k.instances), Format.duration(ns: k.totalNS),
        Format.duration(ns: k.meanNS), Format.pct(k.timeShare * 100), k.dramBytes.map { Format.auto($0 / 1e6) } ?? "—",
        bw + peak, KernelsText.cut(k.name, 70))
    }
    out += table.render()
    if r.kernels.count > top { out += "  … \(r.kernels.count - top) more (--top N, or --json for all)\n" }
    if !r.unclassified.isEmpty {
      out +=
        "\n  Unclassified (\(r.unclassified.count)): "
        + r.unclassified.prefix(5).map { cut($0, 50) }.joined(separator: "; ")
        + (r.unclassified.count > 5 ? "; …" : "") + "\n"
    }
    return out
  }

  /// NVTX ranges and CUDA API calls of an `nsys stats` file.
  static func nsys(_ n: NsysExtras, top: Int, style: TextStyle) -> String {
    var out = ""
    if !n.ranges.isEmpty {
      out += "\n" + style.bold("NVTX ranges") + "\n"
      var t = TextTable()
      t.add("range", "instances", "total", "mean")
      for g in n.ranges.prefix(top) {
        t.add(
          cut(g.name, 60), Format.grouped(g.instances), Format.duration(ns: g.totalNS),
          Format.duration(ns: g.totalNS / Double(max(1, g.instances))))
      }
      out += t.render()
    }
    if !n.apiCalls.isEmpty {
      out += "\n" + style.bold("CUDA API") + "\n"
      var t = TextTable()
      t.add("call", "calls", "total")
      for c in n.apiCalls.prefix(top) {
        t.add(cut(c.name, 60), Format.grouped(c.calls), Format.duration(ns: c.totalNS))
      }
      out += t.render()
      out +=
        "  CUDA-graph launches: \(Format.grouped(n.graphLaunches ?? 0)), kernel launches: "
        + "\(Format.grouped(n.kernelLaunches ?? 0))\n"
    }
    return out
  }

  /// The torch-profiler breakdown: totals, operators by self time, and one row per profiler step.
  static func trace(_ t: TraceSummary, top: Int, style: TextStyle) -> String {
    var out =
      "  \(Format.grouped(t.events)) trace events"
      + (t.vllmVersion.map { ", vLLM \($0)" } ?? "") + "; span \(Format.duration(ns: Double(t.spanNS))), "
      + "CPU operators \(Format.duration(ns: Double(t.cpuOpNS))), device \(Format.duration(ns: Double(t.deviceNS))) "
      + "in \(Format.grouped(t.deviceEvents)) events\n"
    out += "\n" + style.bold("Operators by self time") + "\n"
    var ops = TextTable()
    ops.add("operator", "calls", "self", "top-level calls", "top-level time")
    for o in t.ops.prefix(top) {
      ops.add(
        cut(o.name, 60), Format.grouped(o.calls), Format.duration(ns: Double(o.selfNS)),
        Format.grouped(o.topLevelCalls),
        Format.duration(ns: Double(o.topLevelNS)))
    }
    out += ops.render()
    guard !t.steps.isEmpty else {
      return out + "\n  No ProfilerStep#N ranges (the trace was recorded without a schedule).\n"
    }
    out += "\n" + style.bold("Profiler steps") + "\n"
    let modelled = t.steps.contains { $0.model != nil }
    var steps = TextTable(leftAligned: [1, modelled ? 10 : 7])
    steps.add(
      ["step", "batch", "duration", "ops", "op time", "outside ops", "device"]
        + (modelled ? ["model GFLOP", "model MB", "GFLOP/s"] : []) + ["top operator"])
    for st in t.steps.prefix(top) {
      let batch =
        st.shape.map {
          "prefill \($0.contextRequests) req/\($0.contextTokens) tok, decode \($0.generationRequests) req"
        } ?? (st.labels.first.map { cut($0, 40) } ?? "—")
      let model: [String] =
        !modelled
        ? []
        : st.model.map {
          [
            Format.auto($0.flops / 1e9), Format.auto($0.bytes / 1e6),
            Format.auto($0.flops / 1e9 / (Double(max(1, st.durationNS)) / 1e9)),
          ]
        } ?? ["—", "—", "—"]
      steps.add(
        [
          "#\(st.number)", batch, Format.duration(ns: Double(st.durationNS)), Format.grouped(st.opCalls),
          Format.duration(ns: Double(st.cpuOpNS)),
          Format.duration(ns: Double(st.gapNS))
            + " (\(Format.fixed(Double(st.gapNS) / Double(max(1, st.durationNS)) * 100, 0))%)",
          st.deviceEvents == 0 ? "—" : Format.duration(ns: Double(st.deviceNS)),
        ] + model
          + [st.ops.first.map { cut($0.name, 40) } ?? "—"])
    }
    out += steps.render()
    if t.steps.count > top { out += "  … \(t.steps.count - top) more steps (--top N, or --json for all)\n" }
    return out
  }

  /// `s` cut to `n` characters with an ellipsis.
  /// Input text is passed through ``TerminalText/clean(_:)`` first (kernel and operator names come from files).
  static func cut(_ s: String, _ n: Int) -> String {
    let s = TerminalText.clean(s)
    return s.count <= n ? s : String(s.prefix(n - 1)) + "…"
  }
}
