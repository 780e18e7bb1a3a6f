/// Decides which streamed events count as chunks, and how many tokens each carries. A chunk counts (for TTFT,
/// ITL and tokens) when it has text, or when per-chunk usage shows it carried tokens with empty text (bytes
/// that do not yet end a character); its tokens are the increase of `usage.completion_tokens`, or 1 when
/// the server sends no per-chunk usage.
public struct ChunkCounter: Sendable {
  /// `usage.completion_tokens` seen last.
  public private(set) var lastUsage = 0
  /// Whether any event carried usage.
  public private(set) var sawUsage = false

  /// Creates a counter for one response.
  public init() {}

  /// The tokens of `e` when it counts as a chunk; nil when it does not.
  public mutating func tokens(of e: SSEScanner.Event) -> Int? {
    guard !e.done else { return nil }
    var delta = 0
    if let c = e.completionTokens {
      delta = max(0, c - lastUsage)
      lastUsage = c
      sawUsage = true
    }
    if e.content { return e.completionTokens == nil ? 1 : delta }
    if e.choice, e.completionTokens != nil, delta > 0 { return delta }
    return nil
  }
}
