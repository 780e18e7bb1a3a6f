/// Figures for the steps of one kind.
public struct StepKindSummary: Sendable, Equatable {
  /// Steps of this kind.
  public var count: Int
  /// Tokens scheduled in them (context + generation).
  public var tokens: Int
  /// Step time: total, mean and percentiles, in milliseconds; nil when there were none.
  public var time: Distribution?
  /// Share of all step time, in percent.
  public var sharePct: Double
}

/// Where step time and tokens went (from iteration lines).
public struct StepAnalysis: Sendable, Equatable {
  /// Steps read.
  public var count: Int
  /// Prefill tokens over all steps.
  public var contextTokens: Int
  /// Decode tokens over all steps.
  public var generationTokens: Int
  /// Total step time in milliseconds.
  public var totalMs: Double
  /// Per kind, for every ``StepKind``.
  public var byKind: [StepKind: StepKindSummary]
  /// Requests per decode-only step.
  public var decodeBatchSize: Distribution?
  /// Tokens per non-idle step.
  public var tokensPerStep: Distribution?
  /// Mean of tokens ÷ max_num_batched_tokens over non-idle steps, in percent, when the budget is known.
  public var batchUtilizationPct: Double?
  /// All tokens ÷ total step time (tokens/s while the engine was stepping).
  public var tokensPerSecond: Double?
  /// Data-parallel dummy steps.
  public var dummySteps: Int
  /// Steps whose token count exceeded `max_num_batched_tokens` (should not happen).
  public var stepsOverBudget: Int
  /// Median mixed-step time ÷ median decode-step time, when both exist.
  public var mixedToDecodeMedianRatio: Double?
  /// Distinct token counts of non-idle steps with how many steps had each (ascending by tokens).
  public var tokenHistogram: [TokenCount]
  /// Lines: first and last iteration line and the slowest step's line.
  public var firstLine: LineNumber?
  /// The last iteration line.
  public var lastLine: LineNumber?
  /// The slowest step's line.
  public var slowestLine: LineNumber?

  /// Analyses steps (of one engine or several), with the scheduler's token budget when known.
  /// - Parameter decodeQueryLen: tokens a decoding request is scheduled per step (``EngineConfig/decodeQueryLen``),
  ///   so that recompute steps are told apart from decodes.
  public static func analyze(
    _ traces: [EngineTrace], maxNumBatchedTokens: Int?, decodeQueryLen: Int = 1
  ) -> StepAnalysis? {
    let total = traces.reduce(0) { $0 + $1.steps.count }
    guard total > 0 else { return nil }
    // Per kind (indexed by `StepKind.index`), step times in the log's hundredths of a ms.
    var times = [OrderStatistics](repeating: OrderStatistics(), count: StepKind.allCases.count)
    var tokensByKind = [Int](repeating: 0, count: StepKind.allCases.count)
    var decodeBatch = OrderStatistics()
    var stepTokens = OrderStatistics()
    // Steps by token count: a flat table for the usual budgets, a dictionary beyond it.
    var stepsBySmallTokens = [Int](repeating: 0, count: 1 << 16)
    var stepsByLargeTokens: [UInt32: Int] = [:]
    var context = 0
    var generation = 0
    var dummy = 0
    var overBudget = 0
    var utilization = 0.0
    let budget = maxNumBatchedTokens.flatMap { $0 > 0 ? $0 : nil }
    forEachStep(traces) { step in
      let kind = step.kind(decodeQueryLen: decodeQueryLen)
      let k = kind.index
      times[k].add(step.elapsedCentiMs)
      let tokens = step.tokens
      tokensByKind[k] += tokens
      context += step.contextTokens
      generation += step.generationTokens
      if step.isDummy { dummy += 1 }
      if kind == .decode { decodeBatch.add(UInt32(truncatingIfNeeded: step.generationRequests)) }
      if kind != .idle {
        let t = UInt32(truncatingIfNeeded: tokens)
        stepTokens.add(t)
        if t < 1 << 16 { stepsBySmallTokens[Int(t)] += 1 } else { stepsByLargeTokens[t, default: 0] += 1 }
        if let budget {
          utilization += Double(tokens) / Double(budget)
          if tokens > budget { overBudget += 1 }
        }
      }
    }
    // Percentiles of long series need a second look at the values (memory stays bounded).
    var second = false
    for k in times.indices where times[k].beginSecondPass() { second = true }
    if decodeBatch.beginSecondPass() { second = true }
    if stepTokens.beginSecondPass() { second = true }
    if second {
      forEachStep(traces) { step in
        let kind = step.kind(decodeQueryLen: decodeQueryLen)
        if times[kind.index].isCounting { times[kind.index].refine(step.elapsedCentiMs) }
        if kind == .decode, decodeBatch.isCounting {
          decodeBatch.refine(UInt32(truncatingIfNeeded: step.generationRequests))
        }
        if kind != .idle, stepTokens.isCounting { stepTokens.refine(UInt32(truncatingIfNeeded: step.tokens)) }
      }
    }
    let totalCenti = times.reduce(UInt64(0)) { $0 + $1.total }
    let totalMs = Double(totalCenti) / 100
    var byKind: [StepKind: StepKindSummary] = [:]
    for kind in StepKind.allCases {
      let series = times[kind.index]
      byKind[kind] = StepKindSummary(
        count: series.count, tokens: tokensByKind[kind.index], time: series.distribution(scale: 100),
        sharePct: totalCenti > 0 ? Double(series.total) / Double(totalCenti) * 100 : 0)
    }
    var ratio: Double?
    if let mixed = byKind[.mixed]?.time, let decode = byKind[.decode]?.time, decode.p50 > 0 {
      ratio = mixed.p50 / decode.p50
    }
    var histogram: [TokenCount] = []
    for (tokens, steps) in stepsBySmallTokens.enumerated() where steps > 0 {
      histogram.append(TokenCount(tokens: tokens, steps: steps))
    }
    for (tokens, steps) in stepsByLargeTokens.sorted(by: { $0.key < $1.key }) {
      histogram.append(TokenCount(tokens: Int(tokens), steps: steps))
    }
    let nonIdle = stepTokens.count
    return StepAnalysis(
      count: total, contextTokens: context, generationTokens: generation, totalMs: totalMs, byKind: byKind,
      decodeBatchSize: decodeBatch.distribution(),
      tokensPerStep: stepTokens.distribution(),
      batchUtilizationPct: budget != nil && nonIdle > 0 ? utilization / Double(nonIdle) * 100 : nil,
      tokensPerSecond: totalMs > 0 ? Double(context + generation) / (totalMs / 1000) : nil,
      dummySteps: dummy, stepsOverBudget: overBudget, mixedToDecodeMedianRatio: ratio,
      tokenHistogram: histogram,
      firstLine: traces.compactMap(\.firstStepLine).min(), lastLine: traces.compactMap(\.lastStepLine).max(),
      slowestLine: slowestLine(traces))
  }

  /// Calls `body` with every step of `traces`, in order.
  private static func forEachStep(_ traces: [EngineTrace], _ body: (StepRecord) -> Void) {
    for trace in traces {
      trace.steps.forEachChunk { chunk in
        for step in chunk { body(step) }
      }
    }
  }

  private static func slowestLine(_ traces: [EngineTrace]) -> LineNumber? {
    var bestTime: UInt32 = 0
    var bestLine: LineNumber?
    for t in traces {
      guard let m = t.steps.max(by: { $0.elapsedCentiMs < $1.elapsedCentiMs }) else { continue }
      if bestLine == nil || m.elapsedCentiMs > bestTime {
        bestTime = m.elapsedCentiMs
        bestLine = t.slowestStepLine
      }
    }
    return bestLine
  }
}

/// How many steps scheduled a given number of tokens.
public struct TokenCount: Sendable, Equatable {
  /// Tokens in the step.
  public var tokens: Int
  /// Steps with that many tokens.
  public var steps: Int

  /// Creates a count.
  public init(tokens: Int, steps: Int) {
    self.tokens = tokens
    self.steps = steps
  }
}
