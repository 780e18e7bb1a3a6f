/// The JSON the mock answers with, written as text (vLLM's field order and shapes).
enum ResponseText {
  /// The text of one generated token.
  static let token = " tok"

  static func usage(prompt: Int, completion: Int) -> String {
    "{\"prompt_tokens\":\(prompt),\"total_tokens\":\(prompt + completion),\"completion_tokens\":\(completion)}"
  }

  /// One streamed chunk carrying `text` (nil: the chat role chunk), with the finish reason when it is the
  /// last token and usage when asked for.
  static func chunk(
    id: String, created: Int, model: String, chat: Bool, text: String?, finished: Bool, usage: String?
  ) -> String {
    let reason = finished ? "\"length\"" : "null"
    var s = "data: {\"id\":\"\(id)\",\"object\":\"\(chat ? "chat.completion.chunk" : "text_completion")\","
    s += "\"created\":\(created),\"model\":\(quoted(model)),\"choices\":[{\"index\":0,"
    if chat {
      if let text {
        s += "\"delta\":{\"content\":\"\(text)\"},\"logprobs\":null,\"finish_reason\":\(reason)"
      } else {
        s += "\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,\"finish_reason\":null"
      }
    } else {
      s += "\"text\":\"\(text ?? "")\",\"logprobs\":null,\"finish_reason\":\(reason),\"stop_reason\":null"
    }
    s += "}]"
    if let usage { s += ",\"usage\":\(usage)" }
    return s + "}\n\n"
  }

  /// The usage-only chunk after the last token (`stream_options.include_usage`).
  static func usageChunk(id: String, created: Int, model: String, chat: Bool, usage: String) -> String {
    "data: {\"id\":\"\(id)\",\"object\":\"\(chat ? "chat.completion.chunk" : "text_completion")\","
      + "\"created\":\(created),\"model\":\(quoted(model)),\"choices\":[],\"usage\":\(usage)}\n\n"
  }

  /// A whole (non-streamed) response.
  static func full(id: String, created: Int, model: String, chat: Bool, tokens: Int, usage: String) -> String {
    let text = String(repeating: token, count: tokens)
    var s = "{\"id\":\"\(id)\",\"object\":\"\(chat ? "chat.completion" : "text_completion")\",\"created\":\(created),"
    s += "\"model\":\(quoted(model)),\"choices\":[{\"index\":0,"
    if chat {
      s += "\"message\":{\"role\":\"assistant\",\"content\":\"\(text)\"},\"logprobs\":null,\"finish_reason\":\"length\""
    } else {
      s += "\"text\":\"\(text)\",\"logprobs\":null,\"finish_reason\":\"length\",\"stop_reason\":null"
    }
    return s + "}],\"usage\":\(usage)}"
  }

  /// An OpenAI-style error body.
  static func error(_ message: String, type: String = "BadRequestError", code: Int = 400) -> String {
    "{\"error\":{\"message\":\(quoted(message)),\"type\":\"\(type)\",\"param\":null,\"code\":\(code)}}"
  }

  static func quoted(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case let c where c.value < 0x20: out += "\\u00" + (c.value < 16 ? "0" : "") + String(c.value, radix: 16)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
