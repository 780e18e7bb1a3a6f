import Testing

@testable import Render

@Suite struct JSONWriterTests {
  @Test func quotingEscapesWhatJSONRequires() {
    #expect(JSONWriter.quoted("plain") == "\"plain\"")
    #expect(JSONWriter.quoted("a\"b\\c") == "\"a\\\"b\\\\c\"")
    #expect(JSONWriter.quoted("l1\nl2\r\t") == "\"l1\\nl2\\r\\t\"")
    #expect(JSONWriter.quoted("\u{1B}[0m") == "\"\\u001b[0m\"")
    #expect(JSONWriter.quoted("\u{7F}") == "\"\\u007f\"")
    #expect(JSONWriter.quoted("é ✓") == "\"é ✓\"")
  }
}
