import ProfileMateCore
import PromMetrics

extension ReportPage {
  /// The page of one run: what the text, Markdown and HTML reports show, in their order. `timeline` is a run
  /// directory's `/metrics` recording, shown over time.
  public init(_ a: RunAnalysis, timeline: MetricsTimeline? = nil) {
    var s: [ReportSection] = [Self.run(a), Self.cudagraphs(a), Self.steps(a), Self.scheduling(a), Self.mfu(a)]
    s.append(Self.capacity(a))
    if let r = a.roofline { s.append(Self.roofline(r)) }
    if a.engines.count > 1 { s.append(Self.engines(a)) }
    s += Self.runDirectory(a)
    if let timeline { s.append(Self.metricsTimeline(timeline)) }
    s.append(Self.events(a.model))
    s.append(ReportSection(id: "findings", title: "Findings", blocks: [.findings(a.findings)]))
    s.append(Self.coverage(a.model))
    self.init(source: a.model.source, sections: s)
  }

  /// A figure or "—" when it is unknown.
  static func value<T>(_ v: T?, _ f: (T) -> String = { "\($0)" }) -> String {
    v.map(f) ?? "—"
  }

  static func run(_ a: RunAnalysis) -> ReportSection {
    let c = a.model.config
    var f: [(label: String, value: String)] = [
      ("vLLM", value(c.vllmVersion?.value) + (c.engineGeneration.map { " (\($0.value) engine)" } ?? "")),
      ("model", value(c.model?.value)),
      (
        "dtype / quantization / KV dtype",
        "\(value(c.dtype?.value)) / \(c.quantization?.value ?? "none") / \(value(c.kvCacheDtype?.value))"
      ),
      (
        "parallelism (TP / PP / DP)",
        "\(value(c.tensorParallelSize?.value)) / \(value(c.pipelineParallelSize?.value)) / "
          + "\(value(c.dataParallelSize?.value))"
      ),
      ("max_model_len", value(c.maxModelLen?.value, Format.grouped)),
      ("max_num_batched_tokens", value(c.maxNumBatchedTokens?.value, Format.grouped)),
      ("max_num_seqs", value(c.maxNumSeqs?.value)),
      (
        "prefix caching / chunked prefill",
        "\(value(c.enablePrefixCaching?.value)) / \(value(c.enableChunkedPrefill?.value))"
      ),
      ("attention backend", value(c.attentionBackend?.value)),
    ]
    if let gpu = a.gpu { f.append(("GPU (from --gpu)", gpu.name)) }
    if let span = a.model.timeSpanSeconds { f.append(("log time span", Format.fixed(span, 0) + " s")) }
    return ReportSection(id: "run", title: "The run", blocks: [.facts(f)], headedByPage: true)
  }

  static func cudagraphs(_ a: RunAnalysis) -> ReportSection {
    let c = a.model.config
    var f: [(label: String, value: String)] = [
      ("mode", value(c.cudagraphMode?.value) + (c.enforceEager?.value == true ? " (enforce-eager)" : ""))
    ]
    if let sizes = c.cudagraphCaptureSizes?.value {
      f.append(
        ("capture sizes", sizes.isEmpty ? "none" : "\(sizes.count) sizes, \(sizes.first ?? 0)…\(sizes.last ?? 0)"))
    }
    if let s = c.graphCaptureSeconds {
      f.append(
        ("capture", "\(Format.auto(s.value)) s" + (c.graphCaptureGiB.map { ", \(Format.auto($0.value)) GiB" } ?? "")))
    }
    var blocks: [ReportBlock] = []
    let economics = a.cudagraphEconomics.map(CudaGraphText.blocks) ?? []
    if let g = a.cudagraph {
      f.append(("steps in tables", Format.grouped(g.steps)))
      f.append(("unpadded / padded tokens", "\(Format.grouped(g.unpaddedTokens)) / \(Format.grouped(g.paddedTokens))"))
      f.append(("padding overhead", g.paddingOverheadPct.map(Format.pct) ?? "—"))
      f.append(
        ("steps by runtime mode", g.byMode.map { "\($0.key) \(Format.grouped($0.steps))" }.joined(separator: ", ")))
      if g.eagerSteps > 0 { f.append(("eager steps (graphs configured)", Format.grouped(g.eagerSteps))) }
      blocks = [.facts(f)] + economics + [.chart(ReportCharts.ID.padding)]
    } else {
      blocks = [.facts(f), .note("No --cudagraph-metrics tables in this log.")] + economics
    }
    let hasData =
      a.cudagraph != nil || a.cudagraphEconomics != nil || c.cudagraphMode != nil || c.cudagraphCaptureSizes != nil
      || c.enforceEager != nil
    return ReportSection(id: "cudagraphs", title: "CUDA graphs", blocks: blocks, hasData: hasData)
  }

  static func steps(_ a: RunAnalysis) -> ReportSection {
    let title = "Step timing: prefill vs decode"
    guard let s = a.steps else {
      return ReportSection(
        id: "steps", title: title,
        blocks: [.note("No iteration lines (start vLLM ≥ 0.14 with --enable-logging-iteration-details).")],
        hasData: false)
    }
    var rows: [[String]] = []
    for kind in StepKind.allCases {
      guard let k = s.byKind[kind], k.count > 0, let d = k.time else { continue }
      rows.append([
        kind.rawValue, Format.grouped(k.count), Format.grouped(k.tokens), Format.fixed(d.total / 1000, 2) + " s",
        Format.pct(k.sharePct), Format.ms(d.mean), Format.ms(d.p50), Format.ms(d.p90), Format.ms(d.p99),
        Format.ms(d.max),
      ])
    }
    var u: [(label: String, value: String)] = [
      (
        "steps",
        Format.grouped(s.count)
          + " (\(Format.grouped(s.contextTokens)) prefill + \(Format.grouped(s.generationTokens)) decode tokens)"
      )
    ]
    if let tps = s.tokensPerSecond { u.append(("tokens/s over step time", Format.auto(tps))) }
    if let b = s.decodeBatchSize {
      u.append(
        (
          "decode batch (requests)",
          "mean \(Format.auto(b.mean)), p50 \(Format.auto(b.p50)), p90 \(Format.auto(b.p90)), max \(Format.auto(b.max))"
        ))
    }
    if let tp = s.tokensPerStep {
      u.append(
        (
          "tokens per step",
          "mean \(Format.auto(tp.mean)), p50 \(Format.auto(tp.p50)), p99 \(Format.auto(tp.p99)), "
            + "max \(Format.auto(tp.max))"
        ))
    }
    if let util = s.batchUtilizationPct {
      u.append(("batch utilisation (of max_num_batched_tokens)", Format.pct(util)))
    }
    if let r = s.mixedToDecodeMedianRatio { u.append(("median mixed ÷ median decode step", Format.fixed(r, 2) + "×")) }
    let header = ["kind", "steps", "tokens", "time", "share", "mean", "p50", "p90", "p99", "max"]
    return ReportSection(
      id: "steps", title: title,
      blocks: [
        .table(header: header, rows: rows, textColumns: []), .facts(u), .chart(ReportCharts.ID.stepTime),
        .chart(ReportCharts.ID.tokensPerStep), .chart(ReportCharts.ID.decodeBatch),
        .chart(ReportCharts.ID.tokenHistogram),
      ])
  }

  static func scheduling(_ a: RunAnalysis) -> ReportSection {
    let title = "Scheduling"
    guard let s = a.scheduler else {
      return ReportSection(
        id: "scheduling", title: title, blocks: [.note("No stats lines or preemption warnings in this log.")],
        hasData: false)
    }
    var t: [(label: String, value: String)] = [
      ("stats samples", "\(s.samples)" + (s.idleSamples > 0 ? " (\(s.idleSamples) idle, at DEBUG)" : ""))
    ]
    if s.samples > 0 {
      t.append(
        (
          "prompt throughput (mean / peak)",
          "\(value(s.meanPromptThroughput, Format.auto)) / \(value(s.peakPromptThroughput, Format.auto)) tok/s"
        ))
      t.append(
        (
          "generation throughput (mean / peak)",
          "\(value(s.meanGenerationThroughput, Format.auto)) / \(value(s.peakGenerationThroughput, Format.auto)) tok/s"
        ))
      t.append(("max running / max waiting", "\(value(s.maxRunning?.value)) / \(value(s.maxWaiting?.value))"))
      t.append(("samples with a queue", value(s.waitingSharePct, Format.pct)))
      t.append(
        (
          "KV usage (mean / peak)",
          "\(value(s.meanKVUsagePct, Format.pct)) / \(value(s.maxKVUsagePct?.value, Format.pct))"
        ))
      if let hit = s.lastPrefixCacheHitRatePct { t.append(("prefix-cache hit rate (last)", Format.pct(hit))) }
    }
    t.append(("preemptions", value(s.preemptions)))
    return ReportSection(
      id: "scheduling", title: title,
      blocks: [
        .facts(t), .chart(ReportCharts.ID.throughput), .chart(ReportCharts.ID.requests),
        .chart(ReportCharts.ID.kvUsage),
      ])
  }

  static func mfu(_ a: RunAnalysis) -> ReportSection {
    let title = "Bandwidth and FLOPs (MFU)"
    guard let m = a.mfu else {
      return ReportSection(
        id: "bandwidth", title: title,
        blocks: [.note("No MFU lines (start vLLM ≥ 0.14 with --enable-mfu-metrics).")], hasData: false)
    }
    var t: [(label: String, value: String)] = [
      ("samples", "\(m.samples)"),
      ("TFLOP/s per GPU (mean / peak)", "\(Format.auto(m.meanTFLOPSPerGPU)) / \(Format.auto(m.peakTFLOPSPerGPU))"),
      ("GB/s per GPU (mean / peak)", "\(Format.auto(m.meanGBpsPerGPU)) / \(Format.auto(m.peakGBpsPerGPU))"),
    ]
    if let mfu = m.meanMFUPct, let gpu = m.gpu { t.append(("MFU (of \(gpu) dense peak)", Format.fixed(mfu, 2) + "%")) }
    if let mbu = m.meanMBUPct, let gpu = m.gpu {
      t.append(("MBU (of \(gpu) HBM bandwidth)", Format.fixed(mbu, 2) + "%"))
    }
    if m.gpu == nil { t.append(("utilisation", "pass --gpu NAME for MFU/MBU against a datasheet")) }
    return ReportSection(id: "bandwidth", title: title, blocks: [.facts(t), .chart(ReportCharts.ID.mfu)])
  }

  static func capacity(_ a: RunAnalysis) -> ReportSection {
    guard let c = a.capacity else {
      return ReportSection(
        id: "capacity", title: "Capacity", blocks: [.note("No KV-cache capacity lines in this log.")], hasData: false)
    }
    var t: [(label: String, value: String)] = [
      ("KV cache", value(c.kvCacheTokens?.value, { Format.grouped($0) + " tokens" }))
    ]
    if let gib = a.model.config.availableKVCacheGiB {
      t.append(("available KV memory", Format.auto(gib.value) + " GiB"))
    }
    t.append(
      (
        "concurrency at max_model_len",
        value(c.maxConcurrency, { Format.fixed($0, 2) + "×" }) + (c.maxConcurrencyLogged ? "" : " (computed)")
      ))
    t.append(
      (
        "peak KV usage",
        value(c.peakKVUsagePct?.value, Format.pct) + (c.peakKVTokens.map { " ≈ \(Format.grouped($0)) tokens" } ?? "")
      ))
    return ReportSection(id: "capacity", title: "Capacity", blocks: [.facts(t)])
  }

  static func roofline(_ r: RooflineAnalysis) -> ReportSection {
    let head =
      "\(r.gpu): \(Format.auto(r.peakFLOPS / 1e12)) TFLOP/s, \(Format.auto(r.bandwidth / 1e9)) GB/s, ridge "
      + "\(Format.fixed(r.ridgePoint, 0)) FLOP/byte; overhead-bound = measured ≥ \(Format.auto(r.overheadFactor))× bound"
    func row(_ label: String, _ k: RooflineAnalysis.Totals, _ c: StepRoofline.Classification) -> [String] {
      [
        label, Format.grouped(k.steps), Format.fixed(k.measuredSeconds, 2) + " s",
        Format.fixed(k.attainableSeconds, 2) + " s", value(k.efficiencyPct, Format.pct), k.bound.rawValue,
        c.rawValue, value(k.meanRequests, Format.auto),
        value(k.meanDecodeContext, { Format.count($0.rounded(.towardZero)) }),
      ]
    }
    var rows = r.byKind.map { row($0.kind.rawValue, $0.totals, $0.classification) }
    rows += r.decodeByBatch.map { row("  decode \($0.minRequests)–\($0.maxRequests)", $0.totals, $0.classification) }
    let foot =
      "* estimated from KV usage × capacity: \(Format.grouped(r.steps(from: .stepLine))) steps from the step line, "
      + "\(Format.grouped(r.steps(from: .interpolated))) interpolated from stats lines, "
      + "\(Format.grouped(r.steps(from: .unknown))) unknown"
    let header = [
      "kind", "steps", "measured", "bound", "achieved ÷ bound", "bound by", "class", "batch", "context/req*",
    ]
    return ReportSection(
      id: "roofline", title: "Roofline (per step, estimate)",
      blocks: [.plain([head]), .table(header: header, rows: rows, textColumns: []), .plain([foot])])
  }

  static func engines(_ a: RunAnalysis) -> ReportSection {
    let rows = a.engines.map { e in
      [
        "\(e.index)", value(e.steps?.count, Format.grouped),
        value(e.steps?.totalMs, { Format.fixed($0 / 1000, 2) + " s" }),
        value(e.scheduler?.samples), value(e.scheduler?.maxRunning?.value), value(e.scheduler?.maxWaiting?.value),
        value(e.scheduler?.maxKVUsagePct?.value, Format.pct),
      ]
    }
    return ReportSection(
      id: "engines", title: "Per engine",
      blocks: [
        .table(
          header: ["engine", "steps", "step time", "stats", "max running", "max waiting", "peak KV"], rows: rows,
          textColumns: [])
      ])
  }

  static func events(_ m: RunModel) -> ReportSection {
    let counted = LogEvent.Kind.allCases.filter { (m.eventCounts[$0] ?? 0) > 0 }
    guard !counted.isEmpty else {
      return ReportSection(
        id: "events", title: "Events", blocks: [.note("No errors, preemption warnings or other notable events.")],
        hasData: false)
    }
    let rows = counted.map { kind in
      let first = m.events.first { $0.kind == kind }
      return [
        kind.rawValue, Format.grouped(m.eventCounts[kind] ?? 0), first.map { String($0.line) } ?? "—",
        first.map { $0.message.count > 100 ? $0.message.prefix(99) + "…" : $0.message } ?? "",
      ]
    }
    return ReportSection(
      id: "events", title: "Events",
      blocks: [.table(header: ["event", "count", "first line", "first message"], rows: rows, textColumns: [3])])
  }

  static func coverage(_ m: RunModel) -> ReportSection {
    let c = m.coverage
    var f: [(label: String, value: String)] = [
      ("lines", Format.grouped(c.lines)), ("bytes", Format.grouped(c.bytes)),
      (
        "recognised",
        Format.grouped(c.recognized)
          + (c.lines > 0 ? " (" + Format.pct(Double(c.recognized) / Double(c.lines) * 100) + ")" : "")
      ),
      ("not recognised", Format.grouped(c.unrecognized)),
    ]
    if c.wrappedLinesJoined > 0 { f.append(("hard-wrapped lines re-joined", Format.grouped(c.wrappedLinesJoined))) }
    if c.overlongLines > 0 { f.append(("over-long lines cut", Format.grouped(c.overlongLines))) }
    if c.binaryLines > 0 { f.append(("binary lines skipped", Format.grouped(c.binaryLines))) }
    let o = m.config.observability
    let switches: [(String, Bool?)] = [
      ("--enable-logging-iteration-details", o.iterationDetails), ("--cudagraph-metrics", o.cudagraphMetrics),
      ("--enable-mfu-metrics", o.mfuMetrics),
    ]
    let outputs =
      "vLLM outputs: "
      + switches.map { "\($0.0) " + ($0.1.map { $0 ? "on" : "off" } ?? "unknown") }.joined(separator: " · ")
    return ReportSection(
      id: "coverage", title: "What was read", blocks: [.facts(f), .note(outputs)], trailingBlank: false)
  }
}
