import NIOCore

/// The bytes of one request's streamed token chunks, built once: only the finish reason and the usage
/// numbers change from token to token, so each chunk is a few buffer writes (the mock must not be the
/// bottleneck of a load-generator benchmark). Produces the same text as ``ResponseText/chunk``.
struct ChunkTemplate {
  private let head: [UInt8]
  private let ongoing: [UInt8]
  private let finished: [UInt8]
  private let promptPart: [UInt8]
  private let prompt: Int

  init(id: String, created: Int, model: String, chat: Bool, prompt: Int) {
    var h = "data: {\"id\":\"\(id)\",\"object\":\"\(chat ? "chat.completion.chunk" : "text_completion")\","
    h += "\"created\":\(created),\"model\":\(ResponseText.quoted(model)),\"choices\":[{\"index\":0,"
    h +=
      chat
      ? "\"delta\":{\"content\":\"\(ResponseText.token)\"},\"logprobs\":null,\"finish_reason\":"
      : "\"text\":\"\(ResponseText.token)\",\"logprobs\":null,\"finish_reason\":"
    head = Array(h.utf8)
    ongoing = Array((chat ? "null}]" : "null,\"stop_reason\":null}]").utf8)
    finished = Array((chat ? "\"length\"}]" : "\"length\",\"stop_reason\":null}]").utf8)
    promptPart = Array(",\"usage\":{\"prompt_tokens\":\(prompt),\"total_tokens\":".utf8)
    self.prompt = prompt
  }

  /// Appends the chunk of token `index` (1-based) to `buffer`.
  func write(into buffer: inout ByteBuffer, index: Int, last: Bool, usage: Bool) {
    buffer.writeBytes(head)
    buffer.writeBytes(last ? finished : ongoing)
    if usage {
      buffer.writeBytes(promptPart)
      buffer.writeString(String(prompt + index))
      buffer.writeStaticString(",\"completion_tokens\":")
      buffer.writeString(String(index))
      buffer.writeStaticString("}")
    }
    buffer.writeStaticString("}\n\n")
  }
}
