/// The batch shape vLLM writes into its per-step annotation: `execute_context_<reqs>(<tokens>)_generation_<reqs>(<tokens>)`.
public struct VLLMStepShape: Sendable, Equatable {
  /// Requests in prefill (context) phase.
  public var contextRequests: Int
  /// Their tokens.
  public var contextTokens: Int
  /// Requests in decode (generation) phase.
  public var generationRequests: Int
  /// Their tokens.
  public var generationTokens: Int

  /// Parses a label; nil when it has another form.
  public init?(label: String) {
    let parts = label.split(separator: "_")
    // execute, context, A(B), generation, C(D)
    guard parts.count == 5, parts[0] == "execute", parts[1] == "context", parts[3] == "generation" else { return nil }
    func pair(_ s: Substring) -> (Int, Int)? {
      guard let open = s.firstIndex(of: "("), s.last == ")", let a = Int(s[..<open]),
        let b = Int(s[s.index(after: open)..<s.index(before: s.endIndex)])
      else { return nil }
      return (a, b)
    }
    guard let (a, b) = pair(parts[2]), let (c, d) = pair(parts[4]) else { return nil }
    contextRequests = a
    contextTokens = b
    generationRequests = c
    generationTokens = d
  }
}
