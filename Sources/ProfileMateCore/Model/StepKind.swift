/// What an engine step worked on, from its iteration line.
public enum StepKind: String, Sendable, CaseIterable, Codable {
  /// Only context (prefill) requests were scheduled.
  case prefill
  /// Only generation (decode) requests were scheduled.
  case decode
  /// Both context and generation requests were scheduled.
  case mixed
  /// Neither: an empty or data-parallel dummy step.
  case idle
  /// No context requests, but more generation tokens than the generation requests can decode (one each, or
  /// `1 + num_speculative_tokens` with speculative decoding): a request preempted earlier is recomputing its
  /// prompt and output (vLLM V1 counts a resumed request among the generation requests). Not a decode step:
  /// its time is prefill work.
  case recompute

  /// The position of this kind in ``allCases`` (for arrays indexed by kind).
  @inlinable
  public var index: Int {
    switch self {
    case .prefill: return 0
    case .decode: return 1
    case .mixed: return 2
    case .idle: return 3
    case .recompute: return 4
    }
  }

  /// Classifies a step by its request counts.
  /// - Parameters:
  ///   - contextRequests: requests still in (chunked) prefill.
  ///   - generationRequests: requests decoding.
  @inlinable
  public static func classify(contextRequests: Int, generationRequests: Int) -> StepKind {
    switch (contextRequests > 0, generationRequests > 0) {
    case (true, false): return .prefill
    case (false, true): return .decode
    case (true, true): return .mixed
    case (false, false): return .idle
    }
  }

  /// Classifies a step by its requests and tokens: as ``classify(contextRequests:generationRequests:)``, except
  /// that a step with no context requests whose generation tokens exceed `generationRequests × decodeQueryLen`
  /// is ``recompute``.
  /// - Parameter decodeQueryLen: tokens one decoding request is scheduled per step (1 + speculative tokens).
  @inlinable
  public static func classify(
    contextRequests: Int, generationRequests: Int, generationTokens: Int, decodeQueryLen: Int
  ) -> StepKind {
    let kind = classify(contextRequests: contextRequests, generationRequests: generationRequests)
    if kind == .decode, generationTokens > generationRequests.saturatingMultiply(max(1, decodeQueryLen)) {
      return .recompute
    }
    return kind
  }
}
