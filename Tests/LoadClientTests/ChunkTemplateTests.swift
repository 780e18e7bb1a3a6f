import NIOCore
import Testing

@testable import MockServer

@Suite struct ChunkTemplateTests {
  @Test(arguments: [false, true])
  func templatedChunksEqualTheWrittenOutText(chat: Bool) {
    let t = ChunkTemplate(id: "cmpl-1f", created: 1_700_000_000, model: "m\"x", chat: chat, prompt: 12)
    for (index, last, usage) in [(1, false, false), (3, false, true), (9, true, true), (9, true, false)] {
      var buffer = ByteBuffer()
      t.write(into: &buffer, index: index, last: last, usage: usage)
      let expected = ResponseText.chunk(
        id: "cmpl-1f", created: 1_700_000_000, model: "m\"x", chat: chat, text: ResponseText.token, finished: last,
        usage: usage ? ResponseText.usage(prompt: 12, completion: index) : nil)
      #expect(String(buffer: buffer) == expected)
    }
  }
}
