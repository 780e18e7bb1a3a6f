import Foundation

/// The parts of an OpenAI completions or chat-completions request body the mock uses.
struct CompletionRequest: Sendable {
  /// Whether it came to `/v1/chat/completions`.
  var chat: Bool
  /// The `model` field (nil when absent).
  var model: String?
  /// Prompt length in tokens: the count of a token-id prompt; for text, the mock's tokenizer (one token per
  /// started 4 bytes of UTF-8, and 4 more per chat message for the template).
  var promptTokens: Int
  /// `max_tokens` (or `max_completion_tokens`); nil when absent.
  var maxTokens: Int?
  /// `stream`.
  var stream: Bool
  /// `stream_options.include_usage`.
  var includeUsage: Bool
  /// `stream_options.continuous_usage_stats`: usage in every chunk.
  var continuousUsage: Bool

  /// Parses a request body; the error is the message of a 400 answer.
  static func parse(_ body: [UInt8], chat: Bool) throws(MockServerError) -> CompletionRequest {
    guard let object = try? JSONSerialization.jsonObject(with: Data(body)), let o = object as? [String: Any] else {
      throw MockServerError("the request body is not a JSON object")
    }
    var r = CompletionRequest(
      chat: chat, model: o["model"] as? String, promptTokens: 0, maxTokens: nil, stream: false, includeUsage: false,
      continuousUsage: false)
    if chat {
      guard let messages = o["messages"] as? [Any], !messages.isEmpty else {
        throw MockServerError("\"messages\" must be a non-empty array")
      }
      for m in messages {
        guard let m = m as? [String: Any] else { throw MockServerError("each message must be an object") }
        r.promptTokens += 4 + textTokens(m["content"])
      }
    } else {
      switch o["prompt"] {
      case let s as String: r.promptTokens = textTokens(s)
      case let ids as [Any] where ids.allSatisfy({ $0 is NSNumber }):
        r.promptTokens = ids.count
      case let list as [Any]:
        guard list.count == 1 else { throw MockServerError("the mock serves one prompt per request") }
        if let s = list[0] as? String {
          r.promptTokens = textTokens(s)
        } else if let ids = list[0] as? [Any], ids.allSatisfy({ $0 is NSNumber }) {
          r.promptTokens = ids.count
        } else {
          throw MockServerError("\"prompt\" must be a string, a list of token ids, or a list of one of those")
        }
      default: throw MockServerError("\"prompt\" must be a string or a list of token ids")
      }
    }
    if let n = (o["max_tokens"] ?? o["max_completion_tokens"]) as? NSNumber {
      guard n.doubleValue == n.doubleValue.rounded(), n.doubleValue >= 1, n.doubleValue < 1e9 else {
        throw MockServerError("max_tokens must be a positive integer")
      }
      r.maxTokens = n.intValue
    }
    if let n = o["n"] as? NSNumber, n.intValue != 1 { throw MockServerError("the mock serves n = 1 only") }
    r.stream = (o["stream"] as? Bool) ?? false
    if let so = o["stream_options"] as? [String: Any] {
      r.includeUsage = (so["include_usage"] as? Bool) ?? false
      r.continuousUsage = (so["continuous_usage_stats"] as? Bool) ?? false
    }
    return r
  }

  /// The mock tokenizer's count for a text (or a content list of text parts).
  static func textTokens(_ content: Any?) -> Int {
    switch content {
    case let s as String: return (s.utf8.count + 3) / 4
    case let parts as [Any]:
      return parts.reduce(0) { n, p in n + textTokens((p as? [String: Any])?["text"]) }
    default: return 0
    }
  }
}
