/// Every logged step against the GPU's roofline, summarised per step kind and per decode batch size.
///
/// Iteration lines give each step's requests, tokens and time but not the context its requests attend to. The
/// total is estimated from KV-cache usage × capacity (the step line's usage where printed, v0.26+; otherwise
/// interpolated between stats lines), scaled to the step's share of the resident requests, and given to the
/// decode requests evenly; prefill requests are taken to attend to their own new tokens. Every context figure
/// here is such an estimate.
public struct RooflineAnalysis: Sendable, Equatable {
  /// Sums over a set of steps.
  public struct Totals: Sendable, Equatable {
    /// Steps.
    public var steps = 0
    /// Tokens scheduled.
    public var tokens = 0
    /// Requests scheduled, summed over steps.
    public var requests = 0
    /// Estimated context of decode requests, summed over steps.
    public var decodeContext = 0
    /// Decode requests, summed over steps.
    public var decodeRequests = 0
    /// Logged step time in seconds.
    public var measuredSeconds = 0.0
    /// Attainable (bound) time in seconds.
    public var attainableSeconds = 0.0
    /// Compute-time bound in seconds.
    public var computeSeconds = 0.0
    /// Memory-time bound in seconds.
    public var memorySeconds = 0.0
    /// FLOPs.
    public var flops = 0.0
    /// Bytes.
    public var bytes = 0.0
    /// Steps per classification (indexed like ``StepRoofline/Classification/allCases``).
    public var stepsByClass = [0, 0, 0]

    /// Creates empty totals.
    public init() {}

    /// Adds one step.
    public mutating func add(_ s: StepRoofline) {
      steps += 1
      tokens += s.shape.tokens
      requests += s.shape.requests
      decodeContext += s.shape.decodeContext
      decodeRequests += s.shape.decodeRequests
      measuredSeconds += s.measuredSeconds
      attainableSeconds += s.point.attainableSeconds
      computeSeconds += s.point.computeSeconds
      memorySeconds += s.point.memorySeconds
      flops += s.point.flops
      bytes += s.point.bytes
      stepsByClass[StepRoofline.Classification.allCases.firstIndex(of: s.classification) ?? 0] += 1
    }

    /// Σ attainable ÷ Σ measured time in percent: how close the steps came to their bounds.
    public var efficiencyPct: Double? { measuredSeconds > 0 ? attainableSeconds / measuredSeconds * 100 : nil }
    /// The bound that dominates the attainable time.
    public var bound: RooflinePoint.Bound { computeSeconds >= memorySeconds ? .compute : .memory }
    /// Steps of a classification.
    public func steps(_ c: StepRoofline.Classification) -> Int {
      stepsByClass[StepRoofline.Classification.allCases.firstIndex(of: c) ?? 0]
    }
    /// Mean requests per step.
    public var meanRequests: Double? { steps > 0 ? Double(requests) / Double(steps) : nil }
    /// Mean estimated context per decode request.
    public var meanDecodeContext: Double? {
      decodeRequests > 0 ? Double(decodeContext) / Double(decodeRequests) : nil
    }
    /// Tokens per second over the measured time.
    public var measuredTokensPerSecond: Double? { measuredSeconds > 0 ? Double(tokens) / measuredSeconds : nil }
    /// Tokens per second the GPU allows over the attainable time.
    public var boundTokensPerSecond: Double? { attainableSeconds > 0 ? Double(tokens) / attainableSeconds : nil }
    /// Achieved FLOP/s over the measured time.
    public var achievedFLOPS: Double? { measuredSeconds > 0 ? flops / measuredSeconds : nil }
    /// Achieved bytes/s over the measured time.
    public var achievedBandwidth: Double? { measuredSeconds > 0 ? bytes / measuredSeconds : nil }

    /// The aggregate classification: overhead-bound when the steps took `overheadFactor` × their bound time or
    /// more, else the dominant bound.
    public func classification(overheadFactor: Double) -> StepRoofline.Classification {
      if measuredSeconds >= overheadFactor * attainableSeconds { return .overheadBound }
      return bound == .compute ? .computeBound : .memoryBound
    }
  }

  /// The figures of one step kind.
  public struct KindFigures: Sendable, Equatable {
    /// The kind.
    public var kind: StepKind
    /// The sums.
    public var totals: Totals
    /// The aggregate classification.
    public var classification: StepRoofline.Classification
  }

  /// The decode-only steps of one batch-size range.
  public struct BatchBucket: Sendable, Equatable {
    /// Smallest decode batch (requests) in the range.
    public var minRequests: Int
    /// Largest decode batch in the range.
    public var maxRequests: Int
    /// The sums.
    public var totals: Totals
    /// The aggregate classification.
    public var classification: StepRoofline.Classification
  }

  /// The GPU.
  public var gpu: String
  /// Peak dense FLOP/s used.
  public var peakFLOPS: Double
  /// Peak bandwidth in bytes/s.
  public var bandwidth: Double
  /// measured ÷ attainable at or above which a step is overhead-bound.
  public var overheadFactor: Double
  /// KV capacity in tokens used for the context estimate (the logged figure), when known.
  public var capacityTokens: Int?
  /// Non-idle steps evaluated.
  public var steps: Int
  /// Steps skipped: idle, dummy, zero time, or not evaluable.
  public var skippedSteps: Int
  /// Steps by where their context came from (indexed like ``StepRoofline/ContextSource/allCases``).
  public var stepsByContextSource: [Int]
  /// Prefill, decode and mixed figures, for the kinds that occurred.
  public var byKind: [KindFigures]
  /// Decode-only steps by batch size (1, 2–3, 4–7, …), for the ranges that occurred.
  public var decodeByBatch: [BatchBucket]
  /// The largest CUDA-graph capture size, when graphs are on and it is known.
  public var largestCaptureSize: Int?
  /// Steps with more tokens than the largest capture size (run without CUDA graphs).
  public var aboveCaptureSize: Totals?
  /// Steps within the largest capture size.
  public var withinCaptureSize: Totals?

  /// The ridge point: FLOPs per byte at which compute and memory time are equal.
  public var ridgePoint: Double { peakFLOPS / bandwidth }

  /// Steps whose context came from `source`.
  public func steps(from source: StepRoofline.ContextSource) -> Int {
    stepsByContextSource[StepRoofline.ContextSource.allCases.firstIndex(of: source) ?? 0]
  }

  /// The figures of one kind, when it occurred.
  public func figures(_ kind: StepKind) -> KindFigures? { byKind.first { $0.kind == kind } }

  /// Analyses every step of `model` on `gpu`; nil when there are no steps or nothing could be evaluated.
  /// - Parameters:
  ///   - overheadFactor: measured ÷ attainable at or above which a step is overhead-bound.
  public static func analyze(
    _ model: RunModel, gpu: GPUSpec, costModel: any StepCostModel, overheadFactor: Double = 4
  ) -> RooflineAnalysis? {
    analyze(model, gpu: gpu, costModel: costModel, overheadFactor: overheadFactor) { _ in }
  }

  /// The same analysis, handing every evaluated step to `each` on the way (in log order, as
  /// ``forEachStep(_:gpu:costModel:overheadFactor:skipped:_:)`` does): one evaluation of the steps serves the
  /// summary and a per-step export.
  public static func analyze(
    _ model: RunModel, gpu: GPUSpec, costModel: any StepCostModel, overheadFactor: Double = 4,
    each: (StepRoofline) -> Void
  ) -> RooflineAnalysis? {
    let config = model.config
    let graphsOff = config.cudagraphMode?.value == "NONE" || config.enforceEager?.value == true
    let largest = graphsOff ? nil : config.maxCudagraphCaptureSize?.value ?? config.cudagraphCaptureSizes?.value.max()
    var kinds = [Totals](repeating: Totals(), count: StepKind.allCases.count)
    var buckets: [Int: Totals] = [:]
    var above = Totals()
    var within = Totals()
    var sources = [0, 0, 0]
    var evaluated = 0
    var skipped = 0
    forEachStep(model, gpu: gpu, costModel: costModel, overheadFactor: overheadFactor, skipped: &skipped) { s in
      each(s)
      evaluated += 1
      kinds[s.kind.index].add(s)
      sources[StepRoofline.ContextSource.allCases.firstIndex(of: s.contextSource) ?? 0] += 1
      if s.kind == .decode {
        let bucket = Int.bitWidth - 1 - s.shape.decodeRequests.leadingZeroBitCount
        buckets[bucket, default: Totals()].add(s)
      }
      if let largest {
        if s.shape.tokens > largest { above.add(s) } else { within.add(s) }
      }
    }
    guard evaluated > 0 else { return nil }
    let figures = [StepKind.prefill, .decode, .mixed].compactMap { k -> KindFigures? in
      let t = kinds[k.index]
      return t.steps == 0
        ? nil : KindFigures(kind: k, totals: t, classification: t.classification(overheadFactor: overheadFactor))
    }
    let batch = buckets.keys.sorted().compactMap { b -> BatchBucket? in
      guard let t = buckets[b] else { return nil }
      return BatchBucket(
        minRequests: 1 << b, maxRequests: (1 << (b + 1)) - 1, totals: t,
        classification: t.classification(overheadFactor: overheadFactor))
    }
    return RooflineAnalysis(
      gpu: gpu.name, peakFLOPS: costModel.peakFLOPS(on: gpu), bandwidth: gpu.memoryBandwidth,
      overheadFactor: overheadFactor, capacityTokens: config.kvCacheTokens?.value, steps: evaluated,
      skippedSteps: skipped, stepsByContextSource: sources, byKind: figures, decodeByBatch: batch,
      largestCaptureSize: largest, aboveCaptureSize: largest == nil ? nil : above,
      withinCaptureSize: largest == nil ? nil : within)
  }

  /// Calls `body` with every non-idle step of every engine, in log order, without copying the step series.
  /// - Parameters:
  ///   - skipped: incremented for each idle, dummy or zero-time step and each step the cost model rejects.
  public static func forEachStep(
    _ model: RunModel, gpu: GPUSpec, costModel: any StepCostModel, overheadFactor: Double = 4,
    skipped: inout Int, _ body: (StepRoofline) -> Void
  ) {
    let peak = costModel.peakFLOPS(on: gpu)
    let capacity = model.config.kvCacheTokens.map { Double($0.value) }
    var cache: [StepShape: StepCost] = [:]
    var skippedSteps = 0
    let q = model.config.decodeQueryLen
    for trace in model.engines {
      var timeline = KVUsageTimeline(trace: trace, fallbackStats: model.aggregatedStats)
      var index = 0
      trace.steps.forEachChunk { chunk in
        for r in chunk {
          defer { index += 1 }
          let kind = r.kind(decodeQueryLen: q)
          guard kind != .idle, !r.isDummy, r.elapsedCentiMs > 0 else {
            skippedSteps += 1
            continue
          }
          var source = StepRoofline.ContextSource.unknown
          var usage: Double?
          var running: Double?
          if let u = r.kvUsagePct {
            usage = u
            source = .stepLine
          }
          if let e = timeline.estimate(atStep: index) {
            running = e.running
            if usage == nil {
              usage = e.usagePct
              source = .interpolated
            }
          }
          let requests = r.contextRequests + r.generationRequests
          var stepKV: Double?
          if let usage {
            let resident = max(Double(requests), running ?? 0)
            let total =
              costModel.kvTokens(usagePct: usage, requests: Int(saturating: resident.rounded()))
              ?? capacity.map { usage / 100 * $0 }
            stepKV = total.map { $0 * Double(requests) / max(1, resident) }
          }
          if stepKV == nil { source = .unknown }
          let shape = estimateShape(r, stepKVTokens: stepKV)
          let cost: StepCost
          if let c = cache[shape] {
            cost = c
          } else if let c = costModel.cost(of: shape) {
            if cache.count < 1 << 16 { cache[shape] = c }
            cost = c
          } else {
            skippedSteps += 1
            continue
          }
          let point = RooflinePoint(
            flops: cost.flops, bytes: cost.bytes, tokens: shape.tokens, peakFLOPS: peak, bandwidth: gpu.memoryBandwidth)
          let measured = r.elapsedMs / 1000
          body(
            StepRoofline(
              index: index, engine: trace.index, kind: kind, shape: shape, contextSource: source, point: point,
              measuredSeconds: measured,
              classification: .classify(measured: measured, point: point, overheadFactor: overheadFactor)))
        }
      }
    }
    skipped += skippedSteps
  }

  /// The step's shape with its context estimated: prefill requests attend to their own new tokens; decode
  /// requests share the rest of `stepKVTokens` evenly (at least their own tokens), rounded to 16 tokens per
  /// request so that similar steps share one evaluation.
  static func estimateShape(_ r: StepRecord, stepKVTokens: Double?) -> StepShape {
    let prefillContext = r.contextTokens
    var decodeContext = r.generationTokens
    let d = r.generationRequests
    if d > 0 {
      let own = (r.generationTokens + d - 1) / d
      var perRequest = own
      if let kv = stepKVTokens {
        let rest = max(0, kv - Double(prefillContext)) / Double(d)
        perRequest = max(own, Int(saturating: (rest / 16).rounded()).multipliedReportingOverflow(by: 16).partialValue)
      }
      decodeContext = perRequest * d
    }
    return StepShape(
      prefillRequests: r.contextRequests, prefillTokens: r.contextTokens, prefillContext: prefillContext,
      decodeRequests: d, decodeTokens: r.generationTokens, decodeContext: decodeContext)
  }
}
