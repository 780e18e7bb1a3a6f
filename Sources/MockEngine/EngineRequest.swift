/// A request as the engine sees it: how many prompt tokens to prefill and how many tokens to generate.
public struct EngineRequest: Sendable, Equatable {
  /// The request id (unique among live requests).
  public var id: String
  /// Prompt length in tokens (at least 1).
  public var promptTokens: Int
  /// Tokens to generate (`max_tokens`; the mock never stops early, as with `ignore_eos`).
  public var maxTokens: Int

  /// Creates a request.
  public init(id: String, promptTokens: Int, maxTokens: Int) {
    self.id = id
    self.promptTokens = promptTokens
    self.maxTokens = maxTokens
  }
}
