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

  /// A kernel name as inline code, safe inside a table cell.
  static func code(_ s: String) -> String {
    "`" + s.replacing("`", with: "'").replacing("|", with: "\\|") + "`"
  }
}
