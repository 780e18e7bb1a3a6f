import ProfileMateCore

/// The human-readable terminal report.
public enum TextReport {
  /// Renders the report; `style` decides whether ANSI colours are used.
  public static func render(_ a: RunAnalysis, style: TextStyle) -> String {
    var out = ""
    out += style.bold("ProfileMate — \(a.model.source)") + "\n"
    out += runSummary(a) + "\n"
    out += section("CUDA graphs", style) + cudagraph(a) + "\n"
    out += section("Step timing: prefill vs decode", style) + steps(a) + "\n"
    out += section("Scheduling", style) + scheduling(a) + "\n"
    out += section("Bandwidth and FLOPs (MFU)", style) + mfu(a) + "\n"
    out += section("Capacity", style) + capacity(a) + "\n"
    if let r = a.roofline { out += section("Roofline (per step, estimate)", style) + roofline(r) + "\n" }
    if a.engines.count > 1 { out += section("Per engine", style) + engines(a) + "\n" }
    out += runDirectory(a, style)
    out += section("Findings", style)
    if a.findings.isEmpty {
      out += "  No findings.\n"
    }
    for (i, f) in a.findings.enumerated() {
      out +=
        "  \(i + 1). " + style.severity(f.severity, "[\(f.severity.rawValue.uppercased())]") + " "
        + style.bold(f.title) + style.dim("  (\(f.id))") + "\n"
      for e in f.evidence {
        let location = e.lines.isEmpty ? "" : style.dim("  — " + Format.lines(e.lines))
        out += "     • \(e.text)\(location)\n"
      }
      out += "     → \(f.recommendation)\n"
    }
    let cov = a.model.coverage
    out +=
      "\n"
      + style.dim(
        "Read \(Format.grouped(cov.lines)) lines (\(Format.grouped(cov.bytes)) bytes): "
          + "\(Format.grouped(cov.recognized)) recognised, \(Format.grouped(cov.unrecognized)) not"
          + (cov.wrappedLinesJoined > 0 ? ", \(cov.wrappedLinesJoined) wrapped lines re-joined" : "")
          + (cov.overlongLines > 0 ? ", \(cov.overlongLines) over-long lines cut" : "") + ".") + "\n"
    return out
  }

  private static func section(_ title: String, _ style: TextStyle) -> String {
    style.bold("\(title)") + "\n"
  }

  private static func value<T>(_ v: T?, _ f: (T) -> String = { "\($0)" }) -> String {
    v.map(f) ?? "—"
  }

  private static func runSummary(_ a: RunAnalysis) -> String {
    let c = a.model.config
    var t = TextTable()
    t.add("vLLM", value(c.vllmVersion?.value) + (c.engineGeneration.map { " (\($0.value) engine)" } ?? ""))
    t.add("model", value(c.model?.value))
    t.add(
      "dtype / quantization / KV dtype",
      "\(value(c.dtype?.value)) / \(c.quantization?.value ?? "none") / \(value(c.kvCacheDtype?.value))")
    t.add(
      "parallelism (TP / PP / DP)",
      "\(value(c.tensorParallelSize?.value)) / \(value(c.pipelineParallelSize?.value)) / \(value(c.dataParallelSize?.value))"
    )
    t.add("max_model_len", value(c.maxModelLen?.value, Format.grouped))
    t.add("max_num_batched_tokens", value(c.maxNumBatchedTokens?.value, Format.grouped))
    t.add("max_num_seqs", value(c.maxNumSeqs?.value))
    t.add(
      "prefix caching / chunked prefill",
      "\(value(c.enablePrefixCaching?.value)) / \(value(c.enableChunkedPrefill?.value))")
    t.add("attention backend", value(c.attentionBackend?.value))
    if let gpu = a.gpu { t.add("GPU (from --gpu)", gpu.name) }
    if let span = a.model.timeSpanSeconds { t.add("log time span", Format.fixed(span, 0) + " s") }
    return t.render()
  }

  private static func cudagraph(_ a: RunAnalysis) -> String {
    let c = a.model.config
    var t = TextTable()
    t.add("mode", value(c.cudagraphMode?.value) + (c.enforceEager?.value == true ? " (enforce-eager)" : ""))
    if let sizes = c.cudagraphCaptureSizes?.value {
      t.add("capture sizes", sizes.isEmpty ? "none" : "\(sizes.count) sizes, \(sizes.first ?? 0)…\(sizes.last ?? 0)")
    }
    if let s = c.graphCaptureSeconds {
      t.add("capture", "\(Format.auto(s.value)) s" + (c.graphCaptureGiB.map { ", \(Format.auto($0.value)) GiB" } ?? ""))
    }
    let economics = a.cudagraphEconomics.map(CudaGraphText.render) ?? ""
    guard let g = a.cudagraph else {
      return t.render() + "  No --cudagraph-metrics tables in this log.\n" + economics
    }
    t.add("steps in tables", Format.grouped(g.steps))
    t.add("unpadded / padded tokens", "\(Format.grouped(g.unpaddedTokens)) / \(Format.grouped(g.paddedTokens))")
    t.add("padding overhead", g.paddingOverheadPct.map(Format.pct) ?? "—")
    t.add("steps by runtime mode", g.byMode.map { "\($0.key) \(Format.grouped($0.steps))" }.joined(separator: ", "))
    if g.eagerSteps > 0 { t.add("eager steps (graphs configured)", Format.grouped(g.eagerSteps)) }
    return t.render() + economics
  }

  private static func steps(_ a: RunAnalysis) -> String {
    guard let s = a.steps else {
      return "  No iteration lines (start vLLM ≥ 0.14 with --enable-logging-iteration-details).\n"
    }
    var t = TextTable()
    t.add("kind", "steps", "tokens", "time", "share", "mean", "p50", "p90", "p99", "max")
    for kind in StepKind.allCases {
      guard let k = s.byKind[kind], k.count > 0, let d = k.time else { continue }
      t.add(
        kind.rawValue, Format.grouped(k.count), Format.grouped(k.tokens), Format.fixed(d.total / 1000, 2) + " s",
        Format.pct(k.sharePct), Format.ms(d.mean), Format.ms(d.p50), Format.ms(d.p90), Format.ms(d.p99),
        Format.ms(d.max))
    }
    var out = t.render()
    var u = TextTable()
    u.add(
      "steps",
      Format.grouped(s.count)
        + " (\(Format.grouped(s.contextTokens)) prefill + \(Format.grouped(s.generationTokens)) decode tokens)")
    if let tps = s.tokensPerSecond { u.add("tokens/s over step time", Format.auto(tps)) }
    if let b = s.decodeBatchSize {
      u.add(
        "decode batch (requests)",
        "mean \(Format.auto(b.mean)), p50 \(Format.auto(b.p50)), p90 \(Format.auto(b.p90)), max \(Format.auto(b.max))")
    }
    if let tp = s.tokensPerStep {
      u.add(
        "tokens per step",
        "mean \(Format.auto(tp.mean)), p50 \(Format.auto(tp.p50)), p99 \(Format.auto(tp.p99)), max \(Format.auto(tp.max))"
      )
    }
    if let util = s.batchUtilizationPct { u.add("batch utilisation (of max_num_batched_tokens)", Format.pct(util)) }
    if let r = s.mixedToDecodeMedianRatio { u.add("median mixed ÷ median decode step", Format.fixed(r, 2) + "×") }
    out += u.render()
    return out
  }

  private static func scheduling(_ a: RunAnalysis) -> String {
    guard let s = a.scheduler else { return "  No stats lines or preemption warnings in this log.\n" }
    var t = TextTable()
    t.add("stats samples", "\(s.samples)" + (s.idleSamples > 0 ? " (\(s.idleSamples) idle, at DEBUG)" : ""))
    if s.samples > 0 {
      t.add(
        "prompt throughput (mean / peak)",
        "\(value(s.meanPromptThroughput, Format.auto)) / \(value(s.peakPromptThroughput, Format.auto)) tok/s")
      t.add(
        "generation throughput (mean / peak)",
        "\(value(s.meanGenerationThroughput, Format.auto)) / \(value(s.peakGenerationThroughput, Format.auto)) tok/s")
      t.add("max running / max waiting", "\(value(s.maxRunning?.value)) / \(value(s.maxWaiting?.value))")
      t.add("samples with a queue", value(s.waitingSharePct, Format.pct))
      t.add(
        "KV usage (mean / peak)",
        "\(value(s.meanKVUsagePct, Format.pct)) / \(value(s.maxKVUsagePct?.value, Format.pct))")
      if let hit = s.lastPrefixCacheHitRatePct { t.add("prefix-cache hit rate (last)", Format.pct(hit)) }
    }
    t.add("preemptions", value(s.preemptions))
    return t.render()
  }

  private static func mfu(_ a: RunAnalysis) -> String {
    guard let m = a.mfu else { return "  No MFU lines (start vLLM ≥ 0.14 with --enable-mfu-metrics).\n" }
    var t = TextTable()
    t.add("samples", "\(m.samples)")
    t.add("TFLOP/s per GPU (mean / peak)", "\(Format.auto(m.meanTFLOPSPerGPU)) / \(Format.auto(m.peakTFLOPSPerGPU))")
    t.add("GB/s per GPU (mean / peak)", "\(Format.auto(m.meanGBpsPerGPU)) / \(Format.auto(m.peakGBpsPerGPU))")
    if let mfu = m.meanMFUPct, let gpu = m.gpu { t.add("MFU (of \(gpu) dense peak)", Format.fixed(mfu, 2) + "%") }
    if let mbu = m.meanMBUPct, let gpu = m.gpu { t.add("MBU (of \(gpu) HBM bandwidth)", Format.fixed(mbu, 2) + "%") }
    if m.gpu == nil { t.add("utilisation", "pass --gpu NAME for MFU/MBU against a datasheet") }
    return t.render()
  }

  private static func capacity(_ a: RunAnalysis) -> String {
    guard let c = a.capacity else { return "  No KV-cache capacity lines in this log.\n" }
    var t = TextTable()
    t.add("KV cache", value(c.kvCacheTokens?.value, { Format.grouped($0) + " tokens" }))
    if let gib = a.model.config.availableKVCacheGiB { t.add("available KV memory", Format.auto(gib.value) + " GiB") }
    t.add(
      "concurrency at max_model_len",
      value(c.maxConcurrency, { Format.fixed($0, 2) + "×" }) + (c.maxConcurrencyLogged ? "" : " (computed)"))
    t.add(
      "peak KV usage",
      value(c.peakKVUsagePct?.value, Format.pct) + (c.peakKVTokens.map { " ≈ \(Format.grouped($0)) tokens" } ?? ""))
    return t.render()
  }

  private static func roofline(_ r: RooflineAnalysis) -> String {
    var out =
      "  \(r.gpu): \(Format.auto(r.peakFLOPS / 1e12)) TFLOP/s, \(Format.auto(r.bandwidth / 1e9)) GB/s, ridge "
      + "\(Format.fixed(r.ridgePoint, 0)) FLOP/byte; overhead-bound = measured ≥ \(Format.auto(r.overheadFactor))× bound\n"
    var t = TextTable()
    t.add("kind", "steps", "measured", "bound", "achieved ÷ bound", "bound by", "class", "batch", "context/req*")
    for f in r.byKind {
      let k = f.totals
      t.add(
        f.kind.rawValue, Format.grouped(k.steps), Format.fixed(k.measuredSeconds, 2) + " s",
        Format.fixed(k.attainableSeconds, 2) + " s", value(k.efficiencyPct, Format.pct), k.bound.rawValue,
        f.classification.rawValue, value(k.meanRequests, Format.auto),
        value(k.meanDecodeContext, { Format.count($0.rounded(.towardZero)) }))
    }
    for b in r.decodeByBatch {
      let k = b.totals
      t.add(
        "  decode \(b.minRequests)–\(b.maxRequests)", Format.grouped(k.steps),
        Format.fixed(k.measuredSeconds, 2) + " s",
        Format.fixed(k.attainableSeconds, 2) + " s", value(k.efficiencyPct, Format.pct), k.bound.rawValue,
        b.classification.rawValue, value(k.meanRequests, Format.auto),
        value(k.meanDecodeContext, { Format.count($0.rounded(.towardZero)) }))
    }
    out += t.render()
    out +=
      "  * estimated from KV usage × capacity: \(Format.grouped(r.steps(from: .stepLine))) steps from the step line, "
      + "\(Format.grouped(r.steps(from: .interpolated))) interpolated from stats lines, "
      + "\(Format.grouped(r.steps(from: .unknown))) unknown\n"
    return out
  }

  private static func engines(_ a: RunAnalysis) -> String {
    var t = TextTable()
    t.add("engine", "steps", "step time", "stats", "max running", "max waiting", "peak KV")
    for e in a.engines {
      t.add(
        "\(e.index)", value(e.steps?.count, Format.grouped),
        value(e.steps?.totalMs, { Format.fixed($0 / 1000, 2) + " s" }),
        value(e.scheduler?.samples), value(e.scheduler?.maxRunning?.value), value(e.scheduler?.maxWaiting?.value),
        value(e.scheduler?.maxKVUsagePct?.value, Format.pct))
    }
    return t.render()
  }
}
