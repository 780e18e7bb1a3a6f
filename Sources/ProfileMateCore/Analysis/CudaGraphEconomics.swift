/// What CUDA-graph padding and eager fall-backs cost a run, and what a fitted capture-size list and
/// another mode would change (docs/cudagraph.md).
public struct CudaGraphEconomics: Sendable, Equatable {
  /// Where the step token counts came from.
  public enum Basis: String, Sendable {
    /// Iteration lines (`--enable-logging-iteration-details`), padded here by the rule.
    case iterationLines = "iteration_lines"
    /// `--cudagraph-metrics` tables, re-padded here by the rule.
    case cudagraphTables = "cudagraph_tables"
    /// A what-if histogram.
    case histogram
  }

  /// Table figures (as vLLM printed them) against the figures rebuilt from iteration lines.
  public struct CrossCheck: Sendable, Equatable {
    /// Steps the tables count.
    public var tableSteps: Int
    /// Steps with tokens in the iteration lines.
    public var iterationSteps: Int
    /// Padding overhead the tables show, percent.
    public var tableOverheadPct: Double?
    /// Padding overhead rebuilt from the iteration lines, percent.
    public var iterationOverheadPct: Double?
    /// Eager steps the tables show (NONE rows while graphs were configured).
    public var tableEagerSteps: Int
    /// Eager steps rebuilt from the iteration lines.
    public var iterationEagerSteps: Int
    /// `|table − iteration|` overhead, in percentage points.
    public var differencePctPoints: Double?
    /// Whether the overheads differ by at most ``tolerancePctPoints`` and the step counts by at most
    /// ``stepTolerancePct`` percent.
    public var agree: Bool

    /// Largest overhead difference called agreement, in percentage points.
    public static let tolerancePctPoints = 1.0
    /// Largest step-count difference called agreement, in percent of the larger count.
    public static let stepTolerancePct = 5.0
  }

  /// Padding and eager fall-backs turned into time, from per-kind straight-line fits (an estimate).
  public struct TimeEstimate: Sendable, Equatable {
    /// The fit per step kind (prefill, decode, mixed), where one could be made.
    public var fits: [StepKind: StepTimeFit]
    /// Estimated milliseconds of padding per 1,000 steps: Σ padding tokens × the kind's ms per token
    /// (negative slopes count as 0).
    public var paddingMsPer1000Steps: Double
    /// Measured milliseconds spent in eager fall-back steps per 1,000 steps.
    public var eagerMsPer1000Steps: Double
    /// Steps the per-1,000 figures are over.
    public var steps: Int
    /// Estimated padding milliseconds in total.
    public var paddingMs: Double
    /// Measured eager-step milliseconds in total.
    public var eagerMs: Double
    /// Padding tokens of steps whose kind has no fit that explains its step times (R² below
    /// ``StepTimeFit/usableRSquared``): not turned into time, so ``paddingMs`` leaves them out.
    public var paddingTokensWithoutUsableFit: Int = 0
  }

  /// A capture-size list fitted to the traffic, and what it changes.
  public struct Fitted: Sendable, Equatable {
    /// The most sizes allowed.
    public var maxSizes: Int
    /// The fitted sizes, ascending.
    public var captureSizes: [Int]
    /// Padding figures of the same steps under the fitted list.
    public var padding: CudaGraphPadding
    /// Estimated change of capture time, seconds (per-graph average of the capture line × graph change).
    public var captureSecondsChange: Double?
    /// Estimated change of capture memory, GiB (same method).
    public var captureGiBChange: Double?
    /// The flag that sets the list, for the detected vLLM version.
    public var flag: String
  }

  /// The rule the figures were computed with.
  public var rule: CudaGraphPaddingRule
  /// Where the steps came from.
  public var basis: Basis
  /// Padding figures of the steps under ``rule``.
  public var padding: CudaGraphPadding
  /// The cross-check, when both tables and iteration lines exist.
  public var crossCheck: CrossCheck?
  /// The time estimate, when the steps carry times.
  public var time: TimeEstimate?
  /// The fitted list, when any step ran in a graph.
  public var fitted: Fitted?
  /// The mode recommendation.
  public var advice: CudaGraphModeAdvice
  /// Facts the figures had to assume (unknown max_num_seqs, mode defaulted, …).
  public var assumptions: [String]

  /// Computes every figure for `workload` under `rule`.
  /// - Parameters:
  ///   - maxSizes: the most capture sizes the fitted list may have (default: as many as `rule` has).
  ///   - largestSize: the largest size the fitted list must reach (default: `rule`'s largest, so the fit never
  ///     narrows what is covered today; a smaller one is the user's `--max-size`).
  ///   - version: the vLLM version, for the flag.
  ///   - facts: facts for the mode advice; its step counts are filled in here.
  ///   - capture: the capture line's seconds and GiB, for the change estimates.
  public init(
    workload: CudaGraphWorkload, rule: CudaGraphPaddingRule, basis: Basis, maxSizes: Int? = nil,
    largestSize: Int? = nil, version: VLLMVersion? = nil, facts: CudaGraphModeAdvice.Facts = .init(),
    capture: (seconds: Double?, gib: Double?) = (nil, nil), assumptions: [String] = []
  ) {
    self.rule = rule
    self.basis = basis
    self.assumptions = assumptions
    padding = CudaGraphPadding(workload, rule: rule)
    time = workload.hasTimes ? Self.timeEstimate(workload, rule: rule) : nil
    // The fitter sees the steps that run in a graph today.
    var graphed: [Int: Int] = [:]
    var facts = facts
    facts.steps = padding.steps
    workload.forEachCell { stepClass, tokens, cell in
      let mode = rule.dispatch(tokens: tokens, uniformDecode: stepClass.isUniformDecode).mode
      if mode != .none { graphed[tokens, default: 0] += cell.steps }
      if stepClass == .mixed || stepClass == .prefill {
        if mode == .none { facts.eagerMixedSteps += cell.steps } else { facts.graphedMixedSteps += cell.steps }
      }
    }
    advice = CudaGraphModeAdvice(facts)
    let k = maxSizes ?? max(1, rule.captureSizes.count)
    if !graphed.isEmpty {
      let result = CaptureSizeFitter.fit(graphed, maxSizes: k, largest: largestSize ?? rule.captureSizes.max())
      let newRule = rule.with(captureSizes: result.captureSizes)
      let after = CudaGraphPadding(workload, rule: newRule)
      let oldGraphs = rule.graphCount
      let delta = Double(newRule.graphCount - oldGraphs)
      fitted = Fitted(
        maxSizes: k, captureSizes: result.captureSizes, padding: after,
        captureSecondsChange: oldGraphs > 0 ? capture.seconds.map { $0 / Double(oldGraphs) * delta } : nil,
        captureGiBChange: oldGraphs > 0 ? capture.gib.map { $0 / Double(oldGraphs) * delta } : nil,
        flag: CaptureSizeFlag.text(for: result.captureSizes, version: version))
    }
  }

  private static func timeEstimate(_ workload: CudaGraphWorkload, rule: CudaGraphPaddingRule) -> TimeEstimate? {
    var points: [StepKind: [Int: (steps: Int, ms: Double, squares: Double)]] = [:]
    workload.forEachCell { stepClass, tokens, cell in
      var p = points[stepClass.stepKind, default: [:]][tokens] ?? (0, 0, 0)
      p.steps += cell.steps
      p.ms += Double(cell.centiMs) / 100
      p.squares += cell.centiMsSquares / 10_000
      points[stepClass.stepKind, default: [:]][tokens] = p
    }
    var fits: [StepKind: StepTimeFit] = [:]
    for (kind, byTokens) in points {
      let pts = byTokens.map {
        (tokens: $0.key, steps: $0.value.steps, totalMs: $0.value.ms, totalSquaresMs: $0.value.squares)
      }
      fits[kind] = StepTimeFit(points: pts.sorted { $0.tokens < $1.tokens })
    }
    var paddingMs = 0.0
    var eagerMs = 0.0
    var steps = 0
    var unfitted = 0
    workload.forEachCell { stepClass, tokens, cell in
      steps += cell.steps
      let (mode, padded) = rule.dispatch(tokens: tokens, uniformDecode: stepClass.isUniformDecode)
      if mode == .none {
        if rule.mode != .none { eagerMs += Double(cell.centiMs) / 100 }
      } else if let fit = fits[stepClass.stepKind], fit.explainsTheData {
        paddingMs += Double((padded - tokens) * cell.steps) * max(0, fit.msPerToken)
      } else {
        unfitted += (padded - tokens) * cell.steps
      }
    }
    guard steps > 0 else { return nil }
    return TimeEstimate(
      fits: fits, paddingMsPer1000Steps: paddingMs / Double(steps) * 1000,
      eagerMsPer1000Steps: eagerMs / Double(steps) * 1000, steps: steps, paddingMs: paddingMs, eagerMs: eagerMs,
      paddingTokensWithoutUsableFit: unfitted)
  }
}
