/// vLLM's runtime dispatch of one step to a CUDA graph (spec §6.3, `vllm/v1/cudagraph_dispatcher.py`).
///
/// A step of `n` tokens with `n` ≤ the largest capture size `M` is padded to the smallest capture size
/// ≥ `n`; above `M` it runs eagerly with no padding. The padded size then needs a graph of the right kind:
/// uniform decode batches use a FULL graph when the mode's decode routine is FULL and the padded size lies
/// in `[q, q·max_num_seqs]` (`q` = decode query length), otherwise they fall back like any other batch;
/// other batches use the mode's mixed routine (PIECEWISE, FULL, or NONE, which runs them eagerly and
/// unpadded).
public struct CudaGraphPaddingRule: Sendable, Equatable {
  /// The configured mode.
  public let mode: CudaGraphMode
  /// Capture sizes, ascending and distinct.
  public let captureSizes: [Int]
  /// `max_num_seqs`, bounding FULL decode graphs; nil when unknown (no bound assumed).
  public let maxNumSeqs: Int?
  /// Tokens per request in a uniform decode batch (1 + speculative tokens).
  public let decodeQueryLen: Int

  /// Creates the rule; sizes ≤ 0 are dropped, the rest sorted and de-duplicated.
  public init(mode: CudaGraphMode, captureSizes: [Int], maxNumSeqs: Int? = nil, decodeQueryLen: Int = 1) {
    self.mode = mode
    self.captureSizes = Array(Set(captureSizes.filter { $0 > 0 })).sorted()
    self.maxNumSeqs = maxNumSeqs
    self.decodeQueryLen = max(1, decodeQueryLen)
  }

  /// The smallest capture size ≥ `tokens` (binary search: sizes may be any integers).
  private func paddedSize(_ tokens: Int) -> Int? {
    var lo = 0
    var hi = captureSizes.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if captureSizes[mid] < tokens { lo = mid + 1 } else { hi = mid }
    }
    return lo < captureSizes.count ? captureSizes[lo] : nil
  }

  /// The largest capture size, nil when there are none.
  public var largest: Int? { captureSizes.last }

  /// The runtime mode and padded token count of a step of `tokens` tokens.
  public func dispatch(tokens: Int, uniformDecode: Bool) -> (mode: CudaGraphRuntimeMode, padded: Int) {
    guard mode != .none, tokens > 0, let size = paddedSize(tokens) else { return (.none, tokens) }
    if uniformDecode, mode.separateRoutine, mode.decodeMode == .full, fullDecodeRange.contains(size) {
      return (.full, size)
    }
    let mixed = mode.mixedMode
    return mixed == .none ? (.none, tokens) : (mixed, size)
  }

  /// The padded sizes that FULL decode graphs exist for in a composite mode.
  private var fullDecodeRange: ClosedRange<Int> {
    let top = maxNumSeqs.map { seqs -> Int in
      let (product, overflow) = seqs.multipliedReportingOverflow(by: decodeQueryLen)
      return overflow ? Int.max : max(decodeQueryLen, product)
    }
    return decodeQueryLen...(top ?? Int.max)
  }

  /// Graphs captured at start-up: one per capture size for the mixed routine (unless it is NONE), plus,
  /// in a composite mode with FULL decode, one per size in `[q, q·max_num_seqs]`.
  public var graphCount: Int {
    guard mode != .none else { return 0 }
    var n = mode.mixedMode == .none ? 0 : captureSizes.count
    if mode.separateRoutine, mode.decodeMode == .full {
      n += captureSizes.filter { fullDecodeRange.contains($0) }.count
    }
    return n
  }

  /// The same rule with other capture sizes.
  public func with(captureSizes sizes: [Int]) -> CudaGraphPaddingRule {
    CudaGraphPaddingRule(mode: mode, captureSizes: sizes, maxNumSeqs: maxNumSeqs, decodeQueryLen: decodeQueryLen)
  }
}
