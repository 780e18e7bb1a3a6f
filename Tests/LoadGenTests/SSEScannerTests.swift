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
    #expect(events[1] == .init(content: false, completionTokens: nil, promptTokens: nil, done: false))
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
