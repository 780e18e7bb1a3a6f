/// What the roofline needs to know of one engine step: its requests and tokens by phase, and the context its
/// attention reads. Context figures are sums over the phase's requests (each request's context counts the
/// step's own tokens, as vLLM's `ExecutionContext` does).
public struct StepShape: Sendable, Hashable {
  /// Requests in (chunked) prefill.
  public var prefillRequests: Int
  /// Prefill tokens scheduled.
  public var prefillTokens: Int
  /// Σ context length of the prefill requests.
  public var prefillContext: Int
  /// Requests decoding.
  public var decodeRequests: Int
  /// Decode tokens scheduled (more than one per request with speculative decoding).
  public var decodeTokens: Int
  /// Σ context length of the decode requests.
  public var decodeContext: Int

  /// Creates a shape.
  public init(
    prefillRequests: Int, prefillTokens: Int, prefillContext: Int, decodeRequests: Int, decodeTokens: Int,
    decodeContext: Int
  ) {
    self.prefillRequests = prefillRequests
    self.prefillTokens = prefillTokens
    self.prefillContext = prefillContext
    self.decodeRequests = decodeRequests
    self.decodeTokens = decodeTokens
    self.decodeContext = decodeContext
  }

  /// All tokens of the step.
  public var tokens: Int { prefillTokens + decodeTokens }
  /// All requests of the step.
  public var requests: Int { prefillRequests + decodeRequests }
}
