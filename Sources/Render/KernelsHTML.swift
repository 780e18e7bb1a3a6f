import Kernels
import ProfileMateCore

/// The kernels section of the HTML report, for `report --kernels FILE` (to be wired by the report command):
/// one `<section id="kernels">` per call, holding, for each file, a class-share bar chart (inline SVG with
/// hover titles, no script), the top kernels table and the kernel findings. It uses the report's style
/// sheet classes (`chart`, `bar`, `s1`…`s7`, `mono`, `muted`, `finding`) and needs nothing else.
public enum KernelsHTML {
  /// The `<section>` for `files`, with at most `top` kernels per table.
  public static func section(_ files: [(path: String, report: KernelReport)], top: Int = 15) -> String {
    var out = "<section id=\"kernels\">\n<h2>Kernels</h2>\n"
    for (n, (path, r)) in files.enumerated() {
      out += "<h3 class=\"mono\">\(HTMLText.escape(path))</h3>\n"
      out +=
        "<p class=\"muted\">\(HTMLText.escape(r.kind.description))"
        + (r.computeCapability.map { ", compute capability \(HTMLText.escape($0))" } ?? "")
        + (r.gpu.map { ", peaks of \(HTMLText.escape($0.name))" } ?? "") + ". "
      if r.kernels.isEmpty {
        out += "No device kernels.</p>\n"
      } else {
        out +=
          "\(Format.grouped(r.kernels.count)) kernels, \(Format.grouped(r.instances)) launches, "
          + "\(HTMLText.escape(Format.duration(ns: r.totalNS))) of kernel time.</p>\n"
        out += classChart(r, id: "kernels-classes-\(n + 1)")
        out += kernelTable(r, top: top)
      }
      if let t = r.trace { out += traceSteps(t, top: top) }
      if !r.findings.isEmpty {
        out += "<h4>Findings</h4>\n"
        for f in r.findings {
          out +=
            "<div class=\"finding \(f.severity.rawValue)\"><p><strong>\(f.severity.rawValue.uppercased())</strong> "
            + "\(HTMLText.escape(f.title)) <span class=\"mono muted\">\(HTMLText.escape(f.id))</span></p><ul>"
          for e in f.evidence { out += "<li>\(HTMLText.escape(e.text))</li>" }
          out += "</ul><p class=\"rec\">→ \(HTMLText.escape(f.recommendation))</p></div>\n"
        }
      }
    }
    return out + "</section>\n"
  }

  /// Horizontal bars, one per class, longest first; the bar's hover title gives time, launches and share.
  static func classChart(_ r: KernelReport, id: String) -> String {
    let rowHeight = 22.0
    let left = 170.0
    let width = 640.0
    let plot = width - left - 70
    let height = Double(r.classes.count) * rowHeight + 10
    var svg =
      "<figure class=\"chart\" id=\"\(HTMLText.escape(id))\"><figcaption>Kernel time by class</figcaption>"
      + "<svg class=\"chart-svg\" role=\"img\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" "
      + "height=\"\(Int(height))\" aria-label=\"Kernel time by class\">"
    let maxShare = r.classes.map(\.timeShare).max() ?? 1
    for (i, c) in r.classes.enumerated() {
      let y = 5 + Double(i) * rowHeight
      let w = maxShare > 0 ? c.timeShare / maxShare * plot : 0
      let hover =
        "\(c.kernelClass.label): \(Format.duration(ns: c.totalNS)), \(Format.grouped(c.instances)) launches of "
        + "\(c.kernels) kernels, \(Format.pct(c.timeShare * 100))"
      svg +=
        "<text class=\"tick\" x=\"\(HTMLText.coordinate(left - 6))\" y=\"\(HTMLText.coordinate(y + 15))\" "
        + "text-anchor=\"end\">\(HTMLText.escape(c.kernelClass.label))</text>"
        + "<rect class=\"bar s\(i % 7 + 1)\" x=\"\(HTMLText.coordinate(left))\" y=\"\(HTMLText.coordinate(y + 2))\" "
        + "width=\"\(HTMLText.coordinate(max(0.5, w)))\" height=\"\(HTMLText.coordinate(rowHeight - 6))\">"
        + "<title>\(HTMLText.escape(hover))</title></rect>"
        + "<text class=\"tick\" x=\"\(HTMLText.coordinate(left + max(0.5, w) + 6))\" y=\"\(HTMLText.coordinate(y + 15))\">"
        + "\(HTMLText.escape(Format.pct(c.timeShare * 100)))</text>"
    }
    return svg + "</svg></figure>\n"
  }

  /// The longest kernels: class, launches, time, share, DRAM bytes and bandwidth.
  static func kernelTable(_ r: KernelReport, top: Int) -> String {
    var out =
      "<table><thead><tr><th>#</th><th>kernel</th><th>class</th><th>launches</th><th>total</th><th>mean</th>"
      + "<th>share</th><th>DRAM MB</th><th>GB/s</th>" + (r.gpu == nil ? "" : "<th>% of peak</th>")
      + "</tr></thead><tbody>"
    for (j, k) in r.kernels.prefix(top).enumerated() {
      out +=
        "<tr><td>\(j + 1)</td><td class=\"mono\" title=\"\(HTMLText.escape(k.name))\">"
        + "\(HTMLText.escape(KernelsText.cut(k.name, 80)))</td><td>\(HTMLText.escape(k.kernelClass.label))</td>"
        + "<td>\(Format.grouped(k.instances))</td><td>\(HTMLText.escape(Format.duration(ns: k.totalNS)))</td>"
        + "<td>\(HTMLText.escape(Format.duration(ns: k.meanNS)))</td><td>\(Format.pct(k.timeShare * 100))</td>"
        + "<td>\(k.dramBytes.map { Format.auto($0 / 1e6) } ?? "—")</td><td>\(k.achievedGBps.map(Format.auto) ?? "—")</td>"
        + (r.gpu == nil ? "" : "<td>\(k.peakShare(of: r.gpu).map { Format.pct($0 * 100) } ?? "—")</td>") + "</tr>"
    }
    out += "</tbody></table>\n"
    if r.kernels.count > top {
      out +=
        "<p class=\"muted\">\(r.kernels.count - top) more kernels in <code>profilemate kernels --json</code>.</p>\n"
    }
    return out
  }

  /// A torch trace's steps: batch, duration, operator time, time outside operators, device time.
  static func traceSteps(_ t: TraceSummary, top: Int) -> String {
    guard !t.steps.isEmpty else { return "" }
    var out =
      "<h4>Profiler steps</h4><table><thead><tr><th>step</th><th>batch</th><th>duration</th><th>operators</th>"
      + "<th>operator time</th><th>outside operators</th><th>device</th></tr></thead><tbody>"
    for st in t.steps.prefix(top) {
      let batch =
        st.shape.map {
          "prefill \($0.contextRequests) req / \($0.contextTokens) tok, decode \($0.generationRequests) req"
        } ?? (st.labels.first ?? "—")
      out +=
        "<tr><td>#\(st.number)</td><td>\(HTMLText.escape(batch))</td>"
        + "<td>\(HTMLText.escape(Format.duration(ns: Double(st.durationNS))))</td><td>\(Format.grouped(st.opCalls))</td>"
        + "<td>\(HTMLText.escape(Format.duration(ns: Double(st.cpuOpNS))))</td>"
        + "<td>\(HTMLText.escape(Format.duration(ns: Double(st.gapNS))))</td>"
        + "<td>\(st.deviceEvents == 0 ? "—" : HTMLText.escape(Format.duration(ns: Double(st.deviceNS))))</td></tr>"
    }
    return out + "</tbody></table>\n"
  }
}
