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
  public static func analyze(
    _ traces: [EngineTrace], maxNumBatchedTokens: Int?
  ) -> StepAnalysis? {
    let total = traces.reduce(0) { $0 + $1.steps.count }
    guard total > 0 else { return nil }
    // Kinds indexed by `StepKind.allCases` order; times kept in the log's hundredths of a ms.
    var times = [[UInt32]](repeating: [], count: StepKind.allCases.count)
    var tokensByKind = [Int](repeating: 0, count: StepKind.allCases.count)
    var decodeBatch: [UInt32] = []
    var stepTokens: [UInt32] = []
    stepTokens.reserveCapacity(total)
    var context = 0
    var generation = 0
    var totalCenti = 0
    var dummy = 0
    var overBudget = 0
    var utilization = 0.0
    let budget = maxNumBatchedTokens.flatMap { $0 > 0 ? $0 : nil }
    for trace in traces {
      for step in trace.steps {
        let kind = step.kind
        let k = kind.index
        times[k].append(step.elapsedCentiMs)
        let tokens = step.tokens
        tokensByKind[k] += tokens
        context += step.contextTokens
        generation += step.generationTokens
        totalCenti += Int(step.elapsedCentiMs)
        if step.isDummy { dummy += 1 }
        if kind == .decode { decodeBatch.append(UInt32(truncatingIfNeeded: step.generationRequests)) }
        if kind != .idle {
          stepTokens.append(UInt32(truncatingIfNeeded: tokens))
          if let budget {
            utilization += Double(tokens) / Double(budget)
            if tokens > budget { overBudget += 1 }
          }
        }
      }
    }
    let totalMs = Double(totalCenti) / 100
    var byKind: [StepKind: StepKindSummary] = [:]
    for kind in StepKind.allCases {
      let dist = Distribution(sorted: RadixSort.sorted(times[kind.index]).map { Double($0) / 100 })
      byKind[kind] = StepKindSummary(
        count: times[kind.index].count, tokens: tokensByKind[kind.index], time: dist,
        sharePct: totalMs > 0 ? (dist?.total ?? 0) / totalMs * 100 : 0)
    }
    var ratio: Double?
    if let mixed = byKind[.mixed]?.time, let decode = byKind[.decode]?.time, decode.p50 > 0 {
      ratio = mixed.p50 / decode.p50
    }
    stepTokens = RadixSort.sorted(stepTokens)
    var histogram: [TokenCount] = []
    for t in stepTokens {
      if let last = histogram.last, last.tokens == Int(t) {
        histogram[histogram.count - 1].steps += 1
      } else {
        histogram.append(TokenCount(tokens: Int(t), steps: 1))
      }
    }
    let nonIdle = stepTokens.count
    return StepAnalysis(
      count: total, contextTokens: context, generationTokens: generation, totalMs: totalMs, byKind: byKind,
      decodeBatchSize: Distribution(sorted: RadixSort.sorted(decodeBatch).map(Double.init)),
      tokensPerStep: Distribution(sorted: stepTokens.map(Double.init)),
      batchUtilizationPct: budget != nil && nonIdle > 0 ? utilization / Double(nonIdle) * 100 : nil,
      tokensPerSecond: totalMs > 0 ? Double(context + generation) / (totalMs / 1000) : nil,
      dummySteps: dummy, stepsOverBudget: overBudget, mixedToDecodeMedianRatio: ratio,
      tokenHistogram: histogram,
      firstLine: traces.compactMap(\.firstStepLine).min(), lastLine: traces.compactMap(\.lastStepLine).max(),
      slowestLine: slowestLine(traces))
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
