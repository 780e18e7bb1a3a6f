import Foundation
import LoadGen
import Testing

@Suite struct TraceFileTests {
  @Test func aTraceGivesRequestsInArrivalOrder() throws {
    let text = """
      {"t": 1.5, "input_len": 3, "output_len": 2}

      {"t": 0.25, "prompt_token_ids": [7, 8], "output_len": 5}
      {"t": 0.25, "prompt": "hello", "output_len": 1}
      """
    var random = SeededRandom(seed: 0)
    let (requests, offsets) = try TraceFile.parse(
      Data(text.utf8), source: "t.jsonl", vocabSize: 100, chat: false, random: &random)
    // Sorted by t, ties in file order: ids [7, 8], then "hello", then the 3 random ids.
    #expect(offsets == [0.25, 0.25, 1.5])
    #expect(requests[0].tokenIDs == [7, 8] && requests[0].outputLen == 5)
    #expect(requests[1].text == "hello" && requests[1].tokenIDs == nil)
    #expect(requests[2].tokenIDs?.count == 3 && requests[2].outputLen == 2)
  }

  @Test(arguments: [
    ("{\"t\": -1, \"input_len\": 3, \"output_len\": 2}", "t.jsonl:1: \"t\""),
    ("\n{\"t\": 1, \"output_len\": 2}", "t.jsonl:2: needs"),
    ("{\"t\": 1, \"input_len\": 3}", "t.jsonl:1: \"output_len\""),
    ("[1]", "t.jsonl:1: not a JSON object"),
    ("", "no requests"),
  ])
  func badLinesAreNamed(_ text: String, _ message: String) {
    var random = SeededRandom(seed: 0)
    do {
      _ = try TraceFile.parse(Data(text.utf8), source: "t.jsonl", vocabSize: 100, chat: false, random: &random)
      Issue.record("accepted a bad trace")
    } catch {
      #expect(error.description.contains(message), "\(error.description)")
    }
  }
}
