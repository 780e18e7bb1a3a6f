/// One engine step's batch, as perf.py's `ExecutionContext` sees it: every scheduled request with its number
/// of new tokens, its context length (computed tokens + new tokens) and whether it counts as prefill.
///
/// vLLM bills a request as prefill when it is new or schedules more than one token (chunked prefill, or a
/// speculative-decoding verify step); a one-token continuation is decode.
public struct ExecutionContext: Sendable, Hashable {
  /// One scheduled request.
  public struct Request: Sendable, Hashable {
    /// Tokens scheduled in this step.
    public let numTokens: Int
    /// Context length after this step (`num_computed_tokens + numTokens`).
    public let contextLength: Int
    /// Whether vLLM bills the request as prefill.
    public let isPrefill: Bool

    /// Creates a request record.
    public init(numTokens: Int, contextLength: Int, isPrefill: Bool) {
      self.numTokens = numTokens
      self.contextLength = contextLength
      self.isPrefill = isPrefill
    }
  }

  /// The requests, in the order they were added.
  public private(set) var requests: [Request] = []
  /// Number of prefill requests.
  public private(set) var numPrefillRequests = 0
  /// Σ tokens of prefill requests.
  public private(set) var prefillNumTokens = 0
  /// Σ context length of prefill requests.
  public private(set) var prefillContextLength = 0
  /// Σ tokens × context of prefill requests.
  public private(set) var prefillTokenContextProduct = 0
  /// Number of decode requests.
  public private(set) var numDecodeRequests = 0
  /// Σ tokens of decode requests.
  public private(set) var decodeNumTokens = 0
  /// Σ context length of decode requests.
  public private(set) var decodeContextLength = 0
  /// Σ tokens × context of decode requests.
  public private(set) var decodeTokenContextProduct = 0

  /// An empty step.
  public init() {}

  /// A step holding the given requests, added in order.
  public init(_ requests: [Request]) {
    for r in requests { add(numTokens: r.numTokens, contextLength: r.contextLength, isPrefill: r.isPrefill) }
  }

  /// Adds one request (perf.py's `ExecutionContext.add`).
  public mutating func add(numTokens: Int, contextLength: Int, isPrefill: Bool) {
    requests.append(Request(numTokens: numTokens, contextLength: contextLength, isPrefill: isPrefill))
    if isPrefill {
      numPrefillRequests += 1
      prefillNumTokens += numTokens
      prefillContextLength += contextLength
      prefillTokenContextProduct += numTokens * contextLength
    } else {
      numDecodeRequests += 1
      decodeNumTokens += numTokens
      decodeContextLength += contextLength
      decodeTokenContextProduct += numTokens * contextLength
    }
  }

  /// T: all tokens of the step.
  public var totalNumTokens: Int { prefillNumTokens + decodeNumTokens }

  /// Tokens that need logits: the last token of each prefill request and every decode token.
  public var numLogitsTokens: Int { numPrefillRequests + decodeNumTokens }

  /// Σ tokens × context, with each context clamped to `slidingWindow` when one is given.
  public func totalTokenContextProduct(slidingWindow: Int? = nil) -> Int {
    guard let w = slidingWindow else { return prefillTokenContextProduct + decodeTokenContextProduct }
    return requests.reduce(0) { $0 + $1.numTokens * min($1.contextLength, w) }
  }

  /// Σ prefill context, each clamped to `slidingWindow` when one is given.
  public func prefillContextLength(slidingWindow: Int?) -> Int {
    guard let w = slidingWindow else { return prefillContextLength }
    return requests.filter(\.isPrefill).reduce(0) { $0 + min($1.contextLength, w) }
  }

  /// Σ decode context, each clamped to `slidingWindow` when one is given.
  public func decodeContextLength(slidingWindow: Int?) -> Int {
    guard let w = slidingWindow else { return decodeContextLength }
    return requests.filter { !$0.isPrefill }.reduce(0) { $0 + min($1.contextLength, w) }
  }
}
