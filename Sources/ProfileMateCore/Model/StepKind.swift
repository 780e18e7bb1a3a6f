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

  /// The position of this kind in ``allCases`` (for arrays indexed by kind).
  @inlinable
  public var index: Int {
    switch self {
    case .prefill: return 0
    case .decode: return 1
    case .mixed: return 2
    case .idle: return 3
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
}
