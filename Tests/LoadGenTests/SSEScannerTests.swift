import LoadGen
import Testing

@Suite struct SSEScannerTests {
  @Test func eventsSplitAcrossReadsAreJoined() {
    let text =
      "data: {\"choices\":[{\"index\":0,\"text\":\" a\"}],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":1}}\n\n"
      + "data: {\"choices\":[{\"index\":0,\"text\":\"\"}]}\n\n"
      + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"total_tokens\":10,\"completion_tokens\":3}}\r\n\r\n"
      + "data: [DONE]\n\n"
    let bytes = Array(text.utf8)
    var s = SSEScanner()
    var events: [SSEScanner.Event] = []
    // Feed in 13-byte pieces so that events straddle reads.
    var i = 0
    while i < bytes.count {
      events += s.feed(Array(bytes[i..<min(i + 13, bytes.count)]))
      i += 13
    }
    #expect(events.count == 4)
    #expect(events[0] == .init(content: true, completionTokens: 1, promptTokens: 7, done: false))
    #expect(events[1] == .init(content: false, choice: true, completionTokens: nil, promptTokens: nil, done: false))
    #expect(events[2] == .init(content: false, completionTokens: 3, promptTokens: 7, done: false))
    #expect(events[3].done)
    #expect(s.bufferedCount == 0)
  }

  @Test func chatDeltasCount() {
    var s = SSEScanner()
    let e = s.feed(Array("data: {\"choices\":[{\"delta\":{\"content\":\"hi\"}}]}\n\n".utf8))
    #expect(e.count == 1 && e[0].content)
    let role = s.feed(Array("data: {\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n".utf8))
    #expect(role.count == 1 && !role[0].content)
  }
}

@Suite struct SSEChoiceTests {
  @Test func aTokenWithEmptyTextStillHasAChoice() {
    // vLLM sends "" for a token whose bytes do not yet end a UTF-8 character; usage still counts it.
    var s = SSEScanner()
    let e = s.feed(
      Array(
        ("data: {\"choices\":[{\"index\":0,\"text\":\"\"}],\"usage\":{\"completion_tokens\":2}}\n\n"
          + "data: {\"choices\":[],\"usage\":{\"completion_tokens\":2}}\n\n").utf8))
    #expect(e.count == 2)
    #expect(!e[0].content && e[0].choice && e[0].completionTokens == 2)
    #expect(!e[1].content && !e[1].choice)
  }
}

@Suite struct ChunkCounterTests {
  @Test func emptyTextTokensCountAndUsageOnlyChunksDoNot() {
    // usage 1 (" a"), 3 ("" — two tokens of one unfinished character), 4 (" b"), then the usage-only chunk.
    var c = ChunkCounter()
    #expect(c.tokens(of: .init(content: true, completionTokens: 1, promptTokens: 5, done: false)) == 1)
    #expect(c.tokens(of: .init(content: false, choice: true, completionTokens: 3, promptTokens: 5, done: false)) == 2)
    #expect(c.tokens(of: .init(content: true, completionTokens: 4, promptTokens: 5, done: false)) == 1)
    #expect(
      c.tokens(of: .init(content: false, choice: false, completionTokens: 4, promptTokens: 5, done: false)) == nil)
    #expect(c.tokens(of: .init(content: false, completionTokens: nil, promptTokens: nil, done: true)) == nil)
    // Without per-chunk usage a text chunk is one token and an empty one does not count.
    var plain = ChunkCounter()
    #expect(plain.tokens(of: .init(content: true, completionTokens: nil, promptTokens: nil, done: false)) == 1)
    #expect(
      plain.tokens(of: .init(content: false, choice: true, completionTokens: nil, promptTokens: nil, done: false))
        == nil)
  }
}
