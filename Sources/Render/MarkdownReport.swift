import ProfileMateCore

/// A Markdown summary for pasting into an issue or pull request.
public enum MarkdownReport {
  /// Renders the analysis as GitHub-flavoured Markdown.
  public static func render(_ a: RunAnalysis) -> String {
    let c = a.model.config
    var out = "## ProfileMate: `\(escape(a.model.source))`\n\n"
    out += "| setting | value |\n|---|---|\n"
    let rows: [(String, String?)] = [
      ("vLLM", c.vllmVersion?.value), ("model", c.model?.value), ("dtype", c.dtype?.value),
      ("quantization", c.quantization?.value),
      (
        "TP / PP / DP",
        "\(c.tensorParallelSize?.value ?? 1) / \(c.pipelineParallelSize?.value ?? 1) / \(c.dataParallelSize?.value ?? 1)"
      ),
      ("max_model_len", c.maxModelLen.map { Format.grouped($0.value) }),
      ("max_num_batched_tokens", c.maxNumBatchedTokens.map { Format.grouped($0.value) }),
      ("max_num_seqs", c.maxNumSeqs.map { String($0.value) }), ("CUDA-graph mode", c.cudagraphMode?.value),
      ("KV cache", c.kvCacheTokens.map { Format.grouped($0.value) + " tokens" }),
      ("max concurrency", c.maxConcurrency.map { Format.fixed($0.value, 2) + "×" }),
    ]
    for (k, v) in rows { out += "| \(k) | \(escape(v ?? "—")) |\n" }
    if let s = a.steps {
      out += "\n### Steps (\(Format.grouped(s.count)))\n\n"
      out += "| kind | steps | tokens | share of time | mean | p50 | p90 | p99 | max |\n"
      out += "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"
      for kind in StepKind.allCases {
        guard let k = s.byKind[kind], let d = k.time else { continue }
        out +=
          "| \(kind.rawValue) | \(Format.grouped(k.count)) | \(Format.grouped(k.tokens)) | \(Format.pct(k.sharePct)) "
          + "| \(Format.ms(d.mean)) | \(Format.ms(d.p50)) | \(Format.ms(d.p90)) | \(Format.ms(d.p99)) | \(Format.ms(d.max)) |\n"
      }
    }
    if let s = a.scheduler, s.samples > 0 {
      out += "\n### Scheduling (\(s.samples) stats samples)\n\n"
      out +=
        "- max running \(s.maxRunning?.value ?? 0), max waiting \(s.maxWaiting?.value ?? 0), "
        + "queue in \(s.waitingSharePct.map(Format.pct) ?? "—") of samples\n"
      out +=
        "- KV usage mean \(s.meanKVUsagePct.map(Format.pct) ?? "—"), peak \(s.maxKVUsagePct.map { Format.pct($0.value) } ?? "—")\n"
      out += "- preemptions \(s.preemptions.map(String.init) ?? "—")\n"
    }
    if let g = a.cudagraph {
      out +=
        "\n### CUDA graphs\n\n- \(Format.grouped(g.steps)) steps, padding overhead "
        + "\(g.paddingOverheadPct.map(Format.pct) ?? "—"), by mode: "
        + g.byMode.map { "\($0.key) \(Format.grouped($0.steps))" }.joined(separator: ", ") + "\n"
    }
    if let m = a.mfu {
      out +=
        "\n### MFU\n\n- \(Format.auto(m.meanTFLOPSPerGPU)) TFLOP/s and \(Format.auto(m.meanGBpsPerGPU)) GB/s per GPU (mean of \(m.samples))"
      if let mfu = m.meanMFUPct, let gpu = m.gpu { out += "; MFU \(Format.fixed(mfu, 2))% of \(gpu)" }
      out += "\n"
    }
    if let r = a.roofline { out += roofline(r) }
    out += runDirectory(a)
    out += "\n### Findings\n\n"
    if a.findings.isEmpty { out += "None.\n" }
    for f in a.findings {
      out += "- **\(f.severity.rawValue.uppercased())** \(escape(f.title)) (`\(f.id)`)\n"
      for e in f.evidence {
        out += "  - \(escape(e.text))" + (e.lines.isEmpty ? "" : " — \(Format.lines(e.lines))") + "\n"
      }
      out += "  - → \(escape(f.recommendation))\n"
    }
    let cov = a.model.coverage
    out += "\n<sub>\(Format.grouped(cov.lines)) lines read, \(Format.grouped(cov.recognized)) recognised.</sub>\n"
    return out
  }

  /// Every step against the GPU's bounds, per kind (the attended context is an estimate from KV usage).
  static func roofline(_ r: RooflineAnalysis) -> String {
    var out = "\n### Roofline on \(escape(r.gpu)) (per step, estimate)\n\n"
    out += "| kind | steps | measured | bound | bound ÷ measured | bound by | class |\n"
    out += "|---|---:|---:|---:|---:|---|---|\n"
    for f in r.byKind {
      let t = f.totals
      out +=
        "| \(f.kind.rawValue) | \(Format.grouped(t.steps)) | \(Format.fixed(t.measuredSeconds, 2)) s "
        + "| \(Format.fixed(t.attainableSeconds, 2)) s | \(t.efficiencyPct.map(Format.pct) ?? "—") "
        + "| \(t.bound.rawValue) | \(f.classification.rawValue) |\n"
    }
    out +=
      "\nOverhead-bound: measured ≥ \(Format.auto(r.overheadFactor))× the bound. Context per request is "
      + "estimated from KV usage (\(Format.grouped(r.steps(from: .stepLine))) steps from the step line, "
      + "\(Format.grouped(r.steps(from: .interpolated))) interpolated from stats lines).\n"
    return out
  }

  static func escape(_ s: String) -> String {
    s.replacing("|", with: "\\|").replacing("\n", with: " ")
  }
}
