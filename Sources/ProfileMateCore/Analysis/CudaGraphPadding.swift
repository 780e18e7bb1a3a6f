/// Padding figures of a workload under a padding rule: what vLLM's `--cudagraph-metrics` table would
/// show for those steps, summed (spec §3: eager steps count with padded = unpadded).
public struct CudaGraphPadding: Sendable, Equatable {
  /// Figures for one runtime mode, one padded size or one step class.
  public struct Slice: Sendable, Equatable {
    /// Steps.
    public var steps = 0
    /// Tokens before padding.
    public var unpaddedTokens = 0
    /// Tokens after padding.
    public var paddedTokens = 0
    /// Padding tokens.
    public var paddingTokens: Int { paddedTokens - unpaddedTokens }

    /// Creates an empty slice.
    public init() {}

    mutating func add(steps n: Int, unpadded: Int, padded: Int) {
      steps = steps.saturatingAdd(n)
      unpaddedTokens = unpaddedTokens.saturatingAdd(n.saturatingMultiply(unpadded))
      paddedTokens = paddedTokens.saturatingAdd(n.saturatingMultiply(padded))
    }
  }

  /// A padded size with its figures.
  public struct SizeSlice: Sendable, Equatable {
    /// The capture size the steps were padded to.
    public var size: Int
    /// Its figures.
    public var slice: Slice
  }

  /// Steps.
  public var steps = 0
  /// Tokens before padding.
  public var unpaddedTokens = 0
  /// Tokens after padding (eager steps count unpadded).
  public var paddedTokens = 0
  /// `padded − unpadded`.
  public var paddingTokens: Int { paddedTokens - unpaddedTokens }
  /// Padding as a share of padded tokens, in percent; nil without tokens.
  public var paddingOverheadPct: Double? {
    paddedTokens > 0 ? Double(paddingTokens) / Double(paddedTokens) * 100 : nil
  }
  /// Per runtime mode.
  public var byRuntimeMode: [CudaGraphRuntimeMode: Slice] = [:]
  /// Per step class.
  public var byClass: [CudaGraphStepClass: Slice] = [:]
  /// Padded sizes ranked by padding tokens, most first (at most 10, only those with padding).
  public var topPaddedSizes: [SizeSlice] = []
  /// Steps that ran eagerly although graphs were configured (0 under mode NONE).
  public var eagerSteps = 0
  /// Their tokens.
  public var eagerTokens = 0
  /// Of the eager steps, those above the largest capture size.
  public var eagerStepsAboveLargest = 0
  /// Eager steps by token count, most steps first (at most 10).
  public var topEagerTokenCounts: [TokenCount] = []
  /// Smallest and largest token count of an eager step.
  public var eagerTokenRange: ClosedRange<Int>?
  /// Graphs the rule captures at start-up.
  public var graphCount = 0

  /// Creates empty figures.
  public init() {}

  /// Applies `rule` to every cell of `workload`.
  public init(_ workload: CudaGraphWorkload, rule: CudaGraphPaddingRule) {
    var bySize: [Int: Slice] = [:]
    var eagerByTokens: [Int: Int] = [:]
    let largest = rule.largest ?? 0
    workload.forEachCell { stepClass, tokens, cell in
      let (mode, padded) = rule.dispatch(tokens: tokens, uniformDecode: stepClass.isUniformDecode)
      // Counts and tokens are bounded by the inputs (a histogram allows ≤ 2^36 steps of ≤ 2^25 tokens), but
      // their sums over many cells are not: they saturate rather than trap.
      steps = steps.saturatingAdd(cell.steps)
      unpaddedTokens = unpaddedTokens.saturatingAdd(cell.steps.saturatingMultiply(tokens))
      paddedTokens = paddedTokens.saturatingAdd(cell.steps.saturatingMultiply(padded))
      byRuntimeMode[mode, default: Slice()].add(steps: cell.steps, unpadded: tokens, padded: padded)
      byClass[stepClass, default: Slice()].add(steps: cell.steps, unpadded: tokens, padded: padded)
      if mode == .none {
        guard rule.mode != .none else { return }
        eagerSteps = eagerSteps.saturatingAdd(cell.steps)
        eagerTokens = eagerTokens.saturatingAdd(cell.steps.saturatingMultiply(tokens))
        eagerByTokens[tokens, default: 0] = eagerByTokens[tokens, default: 0].saturatingAdd(cell.steps)
        if tokens > largest { eagerStepsAboveLargest += cell.steps }
      } else {
        bySize[padded, default: Slice()].add(steps: cell.steps, unpadded: tokens, padded: padded)
      }
    }
    topPaddedSizes = bySize.filter { $0.value.paddingTokens > 0 }
      .map { SizeSlice(size: $0.key, slice: $0.value) }
      .sorted { ($0.slice.paddingTokens, $1.size) > ($1.slice.paddingTokens, $0.size) }
    topPaddedSizes = Array(topPaddedSizes.prefix(10))
    topEagerTokenCounts = Array(
      eagerByTokens.map { TokenCount(tokens: $0.key, steps: $0.value) }
        .sorted { ($0.steps, $1.tokens) > ($1.steps, $0.tokens) }.prefix(10))
    if let lo = eagerByTokens.keys.min(), let hi = eagerByTokens.keys.max() { eagerTokenRange = lo...hi }
    graphCount = rule.graphCount
  }
}
