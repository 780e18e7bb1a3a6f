import ProfileMateCore

/// The charts of the HTML report, built from a run's raw series: each is nil when its data is absent.
/// Long series are down-sampled for drawing (``ChartDownsampler``), and the chart says so.
struct ReportCharts {
  /// Step time over time, coloured by kind.
  var stepTime: String?
  /// Tokens per step over time, coloured by kind.
  var tokensPerStep: String?
  /// Prompt and generation throughput over time.
  var throughput: String?
  /// Running and waiting requests over time.
  var requests: String?
  /// KV-cache usage over time.
  var kvUsage: String?
  /// Padding tokens per padded (capture) size.
  var padding: String?
  /// Requests per decode step.
  var decodeBatch: String?
  /// Tokens per step, as a histogram.
  var tokenHistogram: String?
  /// Achieved TFLOP/s and GB/s per GPU over time.
  var mfu: String?

  /// Charts built elsewhere (the run directory's latency histograms), by element id.
  var extra: [String: String] = [:]

  /// The chart with element id `id`, if this run has it.
  func html(_ id: String) -> String? {
    switch id {
    case ID.stepTime: return stepTime
    case ID.tokensPerStep: return tokensPerStep
    case ID.throughput: return throughput
    case ID.requests: return requests
    case ID.kvUsage: return kvUsage
    case ID.padding: return padding
    case ID.decodeBatch: return decodeBatch
    case ID.tokenHistogram: return tokenHistogram
    case ID.mfu: return mfu
    default: return extra[id]
    }
  }

  /// Element ids, for links from findings.
  enum ID {
    static let stepTime = "chart-step-time"
    static let tokensPerStep = "chart-tokens-per-step"
    static let throughput = "chart-throughput"
    static let requests = "chart-requests"
    static let kvUsage = "chart-kv"
    static let padding = "chart-padding"
    static let decodeBatch = "chart-decode-batch"
    static let tokenHistogram = "chart-token-histogram"
    static let mfu = "chart-mfu"
  }

  /// Columns of the down-sampler (each keeps its lowest and highest point).
  static let columns = 600
  /// The largest engines drawn separately.
  static let maxEnginesDrawn = 4

  /// Builds every chart the run has data for.
  init(_ a: RunAnalysis) {
    let model = a.model
    let config = model.config
    if a.steps != nil { stepCharts(model.engines, config: config) }
    statsCharts(model)
    if let steps = a.steps { histograms(model.engines, steps: steps, decodeQueryLen: config.decodeQueryLen) }
    paddingChart(model.engines.flatMap(\.cudagraphTables))
    mfuChart(model.engines.flatMap(\.mfu).sorted { $0.line < $1.line })
  }

  // MARK: - Steps

  /// Seconds since the log's first timestamp for each step of a trace: linear between the
  /// whole-second anchors, the first anchor's time before it and the last one's after it.
  static func stepTimes(_ trace: EngineTrace, _ body: (Int, StepRecord, Double) -> Void) {
    let anchors = trace.stepTimes
    guard !anchors.isEmpty else { return }
    var k = 0
    var i = 0
    trace.steps.forEachChunk { chunk in
      for step in chunk {
        while k + 1 < anchors.count, Int(anchors[k + 1].index) <= i { k += 1 }
        var t = Double(anchors[k].time)
        if Int(anchors[k].index) <= i, k + 1 < anchors.count {
          let a = anchors[k]
          let b = anchors[k + 1]
          t += Double(i - Int(a.index)) / Double(Int(b.index) - Int(a.index)) * Double(b.time - a.time)
        }
        body(i, step, t)
        i += 1
      }
    }
  }

  private mutating func stepCharts(_ engines: [EngineTrace], config: EngineConfig) {
    let timed = engines.allSatisfy { !$0.stepTimes.isEmpty || $0.steps.isEmpty }
    let xMax =
      timed
      ? Double(engines.compactMap { $0.stepTimes.last?.time }.max() ?? 1) + 1
      : Double(engines.map(\.steps.count).max() ?? 1)
    let kinds: [StepKind] = [.prefill, .decode, .mixed, .recompute]
    let q = config.decodeQueryLen
    var times = kinds.map { _ in ChartDownsampler(lower: 0, upper: xMax, buckets: Self.columns) }
    var tokens = times
    var idle = 0
    var zeroTime = 0
    func visit(_ index: Int, _ step: StepRecord, _ t: Double) {
      guard let k = kinds.firstIndex(of: step.kind(decodeQueryLen: q)) else {
        idle += 1
        return
      }
      let x = timed ? t : Double(index)
      if step.elapsedCentiMs > 0 { times[k].add(x: x, y: step.elapsedMs) } else { zeroTime += 1 }
      tokens[k].add(x: x, y: Double(step.tokens))
    }
    for trace in engines {
      if timed {
        Self.stepTimes(trace) { i, step, t in visit(i, step, t) }
      } else {
        var i = 0
        trace.steps.forEachChunk { chunk in
          for step in chunk {
            visit(i, step, 0)
            i += 1
          }
        }
      }
    }
    let xLabel = timed ? "time since the log's first line (s)" : "step number"
    var notes: [String] = []
    let seen = times.map(\.seen).reduce(0, +) + zeroTime
    if times.contains(where: \.isReduced) || tokens.contains(where: \.isReduced) {
      notes.append(
        "Down-sampled for drawing: the x axis is cut into \(Self.columns) columns, each keeping its lowest and "
          + "highest step per kind, of \(Format.grouped(seen)) steps; the figures in the tables use every step.")
    }
    if timed { notes.append("Step times within a second are spread evenly (log timestamps have whole seconds).") }
    if engines.count > 1 { notes.append("\(engines.count) engines overlaid.") }
    if idle > 0 { notes.append("\(Format.grouped(idle)) idle steps not drawn.") }
    let series = { (d: [ChartDownsampler]) in
      kinds.indices.filter { kinds[$0] != .recompute || d[$0].seen > 0 }.map { k in
        SVGXYChart.Series(name: kinds[k].rawValue, cssClass: "k-" + kinds[k].rawValue, mark: .dots, points: d[k].points)
      }
    }
    let timeValues = times.flatMap { $0.points.map(\.y) }
    let spread = (timeValues.max() ?? 1) / max(0.01, timeValues.min() ?? 1)
    var timeChart = SVGXYChart(
      id: ID.stepTime, title: "Step time over time, by kind", xLabel: xLabel, yLabel: "step time (ms)",
      series: series(times), logY: spread > 30, yUnit: "ms")
    timeChart.note = (notes + (spread > 30 ? ["Logarithmic y axis."] : [])).joined(separator: " ")
    stepTime = timeChart.render()
    var refs: [SVGXYChart.Reference] = []
    if let budget = config.maxNumBatchedTokens?.value {
      refs.append(SVGXYChart.Reference(y: Double(budget), label: "max_num_batched_tokens \(Format.grouped(budget))"))
    }
    if let largest = config.maxCudagraphCaptureSize?.value ?? config.cudagraphCaptureSizes?.value.max(),
      config.enforceEager?.value != true
    {
      refs.append(SVGXYChart.Reference(y: Double(largest), label: "largest capture size \(Format.grouped(largest))"))
    }
    tokensPerStep = SVGXYChart(
      id: ID.tokensPerStep, title: "Tokens per step over time, by kind", xLabel: xLabel, yLabel: "tokens per step",
      series: series(tokens), references: refs, note: notes.joined(separator: " "), yUnit: "tokens"
    ).render()
  }

  // MARK: - Stats lines

  private mutating func statsCharts(_ model: RunModel) {
    var groups: [(String, [StatsSample])] = []
    if !model.aggregatedStats.isEmpty {
      groups = [("all engines", model.aggregatedStats)]
    } else {
      let withStats = model.engines.filter { !$0.stats.isEmpty }
      for e in withStats.prefix(Self.maxEnginesDrawn) {
        groups.append((withStats.count > 1 ? "engine \(e.index)" : "", e.stats))
      }
    }
    guard !groups.isEmpty else { return }
    let timed = groups.allSatisfy { $0.1.allSatisfy { $0.time != nil } }
    let xLabel = timed ? "time since the log's first line (s)" : "stats line number"
    let xMax = groups.map { g in timed ? (g.1.compactMap(\.time).max() ?? 1) : Double(g.1.count) }.max() ?? 1
    func series(_ name: String, _ cls: String, _ value: (StatsSample) -> Double?) -> [SVGXYChart.Series] {
      groups.enumerated().compactMap { gi, g in
        var d = ChartDownsampler(lower: 0, upper: xMax, buckets: Self.columns)
        for (i, s) in g.1.enumerated() {
          if let v = value(s), v.isFinite { d.add(x: timed ? (s.time ?? 0) : Double(i), y: v) }
        }
        guard d.seen > 0 else { return nil }
        let label = g.0.isEmpty ? name : "\(name) (\(g.0))"
        return SVGXYChart.Series(name: label, cssClass: cls + (gi > 0 ? " e\(gi)" : ""), mark: .line, points: d.points)
      }
    }
    let count = groups.map(\.1.count).reduce(0, +)
    var note =
      "One point per stats line (\(Format.grouped(count)) lines; throughputs are averages over the interval "
      + "before each)."
    if count > 2 * Self.columns { note += " Down-sampled for drawing: each column's lowest and highest value." }
    if model.aggregatedStats.isEmpty, model.engines.filter({ !$0.stats.isEmpty }).count > Self.maxEnginesDrawn {
      note += " The first \(Self.maxEnginesDrawn) engines are drawn."
    }
    throughput = SVGXYChart(
      id: ID.throughput, title: "Throughput over time", xLabel: xLabel, yLabel: "tokens/s",
      series: series("prompt", "s1", { $0.promptThroughput }) + series("generation", "s2", { $0.generationThroughput }),
      note: note, yUnit: "tok/s"
    ).render()
    var requestSeries =
      series("running", "s3", { Double($0.running) }) + series("waiting", "s4", { Double($0.waiting) })
    if groups.contains(where: { $0.1.contains { $0.preemptions > 0 } }) {
      requestSeries += series("preemptions in the interval", "s5", { Double($0.preemptions) })
    }
    requests = SVGXYChart(
      id: ID.requests, title: "Running and waiting requests over time", xLabel: xLabel, yLabel: "requests",
      series: requestSeries, note: note, yUnit: "requests"
    ).render()
    var kv = series("KV-cache usage (stats lines)", "s6", { $0.kvUsagePct })
    if timed {
      var d = ChartDownsampler(lower: 0, upper: xMax, buckets: Self.columns)
      for trace in model.engines where !trace.stepTimes.isEmpty {
        Self.stepTimes(trace) { _, step, t in if let v = step.kvUsagePct { d.add(x: t, y: v) } }
      }
      if d.seen > 0 {
        kv.append(
          SVGXYChart.Series(name: "KV-cache usage (iteration lines)", cssClass: "s7", mark: .dots, points: d.points))
      }
    }
    if !kv.isEmpty {
      kvUsage = SVGXYChart(
        id: ID.kvUsage, title: "KV-cache usage over time", xLabel: xLabel, yLabel: "KV-cache usage (%)", series: kv,
        note: note, yUnit: "%"
      ).render()
    }
  }

  // MARK: - Distributions

  /// Bins of integer values: unit bins when the values span at most `maxBins`, else bins of a width
  /// of 1, 2 or 5 × 10ⁿ starting at a multiple of it (values 1…129 with 48 bins: width 5, bins 0–4 …
  /// 125–129).
  static func bins(_ counts: [(value: Int, count: Int)], maxBins: Int = 48) -> [(lo: Int, hi: Int, count: Int)] {
    guard let top = counts.map(\.value).max(), let bottom = counts.map(\.value).min() else { return [] }
    var width = 1
    var multipliers = [2, 5, 10].makeIterator()
    var decade = 1
    while (top - bottom + width) / width > maxBins {
      guard let m = multipliers.next() else {
        decade *= 10
        multipliers = [2, 5, 10].makeIterator()
        width = decade
        continue
      }
      width = m * decade
    }
    let start = bottom / width * width
    var out: [(lo: Int, hi: Int, count: Int)] = []
    var lo = start
    while lo <= top {
      out.append((lo, lo + width - 1, 0))
      lo += width
    }
    for c in counts { out[(c.value - start) / width].count += c.count }
    return out
  }

  private mutating func histograms(_ engines: [EngineTrace], steps: StepAnalysis, decodeQueryLen q: Int) {
    var batch: [Int: Int] = [:]
    for trace in engines {
      trace.steps.forEachChunk { chunk in
        for step in chunk where step.kind(decodeQueryLen: q) == .decode {
          batch[step.generationRequests, default: 0] += 1
        }
      }
    }
    func bars(_ b: [(lo: Int, hi: Int, count: Int)], unit: String) -> [SVGBarChart.Bar] {
      b.map { bin in
        let range = bin.lo == bin.hi ? Format.grouped(bin.lo) : "\(Format.grouped(bin.lo))–\(Format.grouped(bin.hi))"
        return SVGBarChart.Bar(
          label: Format.grouped(bin.lo), value: Double(bin.count),
          hover: "\(range) \(unit): \(Format.grouped(bin.count)) steps")
      }
    }
    if !batch.isEmpty {
      let b = Self.bins(batch.map { ($0.key, $0.value) }.sorted { $0.0 < $1.0 })
      decodeBatch = SVGBarChart(
        id: ID.decodeBatch, title: "Decode batch size: requests per decode-only step",
        xLabel: "requests in the step", yLabel: "steps", bars: bars(b, unit: "requests"), cssClass: "k-decode",
        note: b.count > 0 && b[0].lo != b[0].hi
          ? "Bins of \(b[0].hi - b[0].lo + 1) requests, labelled by their first value." : nil
      ).render()
    }
    if !steps.tokenHistogram.isEmpty {
      let b = Self.bins(steps.tokenHistogram.map { ($0.tokens, $0.steps) })
      tokenHistogram = SVGBarChart(
        id: ID.tokenHistogram, title: "Batch size in tokens: tokens per non-idle step", xLabel: "tokens in the step",
        yLabel: "steps", bars: bars(b, unit: "tokens"), cssClass: "s1",
        note: b.count > 0 && b[0].lo != b[0].hi
          ? "Bins of \(Format.grouped(b[0].hi - b[0].lo + 1)) tokens, labelled by their first value." : nil
      ).render()
    }
  }

  // MARK: - CUDA graphs and MFU

  private mutating func paddingChart(_ tables: [CudaGraphTable]) {
    guard !tables.isEmpty else { return }
    var bySize: [Int: (steps: Int, padding: Int, eager: Int)] = [:]
    for row in tables.flatMap(\.rows) {
      var e = bySize[row.paddedTokens] ?? (0, 0, 0)
      e.steps += row.count
      e.padding += (row.paddedTokens - row.unpaddedTokens) * row.count
      if row.runtimeMode == "NONE" { e.eager += row.count }
      bySize[row.paddedTokens] = e
    }
    // With no padding at all (e.g. graphs off: every step runs unpadded) the bars show steps instead.
    let anyPadding = bySize.values.contains { $0.padding > 0 }
    let bars = bySize.keys.sorted().map { size in
      let e = bySize[size] ?? (0, 0, 0)
      return SVGBarChart.Bar(
        label: Format.grouped(size), value: Double(anyPadding ? e.padding : e.steps),
        hover:
          "padded size \(Format.grouped(size)): \(Format.grouped(e.steps)) steps, \(Format.grouped(e.padding)) "
          + "padding tokens" + (e.eager > 0 ? ", \(Format.grouped(e.eager)) eager (NONE)" : ""))
    }
    padding = SVGBarChart(
      id: ID.padding,
      title: anyPadding
        ? "Padding tokens per padded (capture) size" : "Steps per padded size (no padding in these tables)",
      xLabel: "padded size (tokens)", yLabel: anyPadding ? "padding tokens" : "steps", bars: bars, cssClass: "s5",
      note:
        "Summed over \(tables.count) --cudagraph-metrics tables; hover a bar for its steps, padding and eager count."
    ).render()
  }

  private mutating func mfuChart(_ samples: [MFUSample]) {
    guard !samples.isEmpty else { return }
    let timed = samples.allSatisfy { $0.time != nil }
    let xMax = timed ? (samples.compactMap(\.time).max() ?? 1) : Double(samples.count)
    var tf = ChartDownsampler(lower: 0, upper: xMax, buckets: Self.columns)
    var gb = tf
    for (i, s) in samples.enumerated() {
      let x = timed ? (s.time ?? 0) : Double(i)
      tf.add(x: x, y: s.tflopsPerGPU)
      gb.add(x: x, y: s.gbpsPerGPU)
    }
    let xLabel = timed ? "time since the log's first line (s)" : "MFU line number"
    mfu =
      SVGXYChart(
        id: ID.mfu, title: "Achieved TFLOP/s per GPU over time", xLabel: xLabel, yLabel: "TFLOP/s per GPU",
        series: [SVGXYChart.Series(name: "TFLOP/s per GPU", cssClass: "s1", mark: .line, points: tf.points)],
        note: "vLLM's analytical estimate per stats interval (--enable-mfu-metrics).", yUnit: "TFLOP/s"
      ).render()
      + SVGXYChart(
        id: ID.mfu + "-bandwidth", title: "Achieved GB/s per GPU over time", xLabel: xLabel, yLabel: "GB/s per GPU",
        series: [SVGXYChart.Series(name: "GB/s per GPU", cssClass: "s2", mark: .line, points: gb.points)],
        note: "Reads and writes, decimal GB.", yUnit: "GB/s"
      ).render()
  }
}
