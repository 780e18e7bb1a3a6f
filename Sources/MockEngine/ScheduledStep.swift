/// One engine step as scheduled: which requests run how many tokens, and the step's make-up.
public struct ScheduledStep: Sendable, Equatable {
  /// One request's share of the step.
  public struct Entry: Sendable, Equatable {
    /// The request id.
    public var id: String
    /// Tokens scheduled for it this step.
    public var tokens: Int
    /// Whether vLLM's iteration details count it as a context request: newly admitted this step (a resumed
    /// preempted request included), or still without output (chunked prefill).
    public var isContext: Bool

    /// Creates an entry.
    public init(id: String, tokens: Int, isContext: Bool) {
      self.id = id
      self.tokens = tokens
      self.isContext = isContext
    }
  }

  /// The scheduled requests, running ones first, then newly admitted ones (vLLM's order).
  public var entries: [Entry]
  /// Ids preempted while scheduling this step (their KV blocks freed; they will recompute).
  public var preempted: [String]

  /// Creates a step.
  public init(entries: [Entry], preempted: [String]) {
    self.entries = entries
    self.preempted = preempted
  }

  /// Context (prefill) requests and their tokens.
  public var contextRequests: Int { entries.filter(\.isContext).count }
  /// Tokens scheduled for context requests.
  public var contextTokens: Int { entries.filter(\.isContext).reduce(0) { $0 + $1.tokens } }
  /// Generation (decode) requests.
  public var generationRequests: Int { entries.count - contextRequests }
  /// Tokens scheduled for generation requests.
  public var generationTokens: Int { totalTokens - contextTokens }
  /// All tokens scheduled.
  public var totalTokens: Int { entries.reduce(0) { $0 + $1.tokens } }
}
