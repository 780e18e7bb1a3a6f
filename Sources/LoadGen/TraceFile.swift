import Foundation

/// `--trace FILE`: a timed trace to replay. JSON Lines, one request per line:
/// `{"t": 0.25, "input_len": 128, "output_len": 32}` — `t` is the arrival in seconds from the start; the
/// prompt is `input_len` random token ids (as the random dataset builds them), or `prompt_token_ids` (a list),
/// or `prompt` (text); `output_len` is `max_tokens`. Blank lines are skipped; requests are sent in `t` order.
public enum TraceFile {
  /// The requests and their due times, sorted by time.
  /// - Throws: ``LoadError`` naming the file and line of the first bad entry.
  public static func parse(
    _ data: Data, source: String, vocabSize: Int, chat: Bool, random: inout SeededRandom
  ) throws(LoadError) -> (requests: [WorkloadRequest], offsets: [Double]) {
    var entries: [(t: Double, request: WorkloadRequest)] = []
    let usable = max(1, vocabSize - 4)
    for (number, line) in data.split(separator: 10, omittingEmptySubsequences: false).enumerated() {
      let trimmed = line.filter { $0 != 13 && $0 != 32 && $0 != 9 }
      if trimmed.isEmpty { continue }
      func fail(_ what: String) -> LoadError { LoadError("\(source):\(number + 1): \(what)") }
      guard let object = try? JSONSerialization.jsonObject(with: Data(line)), let o = object as? [String: Any] else {
        throw fail("not a JSON object")
      }
      guard let t = (o["t"] as? NSNumber)?.doubleValue, t.isFinite, t >= 0, t <= 1e7 else {
        throw fail("\"t\" must be a number of seconds from 0 to 10000000")
      }
      guard let out = (o["output_len"] as? NSNumber)?.intValue, out >= 1, out <= 10_000_000 else {
        throw fail("\"output_len\" must be an integer from 1 to 10000000")
      }
      var ids: [Int]?
      var text: String?
      if let list = o["prompt_token_ids"] as? [Any] {
        let values = list.compactMap { ($0 as? NSNumber)?.intValue }
        guard values.count == list.count, !values.isEmpty, values.allSatisfy({ $0 >= 0 }) else {
          throw fail("\"prompt_token_ids\" must be a non-empty list of token ids")
        }
        ids = values
      } else if let s = o["prompt"] as? String, !s.isEmpty {
        text = s
      } else if let n = (o["input_len"] as? NSNumber)?.intValue, n >= 1, n <= 10_000_000 {
        let offset = Int(random.next() % UInt64(usable))
        ids = (0..<n).map { 4 + (offset + entries.count + $0) % usable }
      } else {
        throw fail("needs \"input_len\" (a positive integer), \"prompt_token_ids\" or \"prompt\"")
      }
      if chat, let i = ids {
        text = i.map { "w\($0 % 1000)" }.joined(separator: " ")
        ids = nil
      }
      let inputLen = ids?.count ?? text.map { max(1, $0.utf8.count / 4) } ?? 1
      entries.append((t, WorkloadRequest(tokenIDs: ids, text: text, inputLen: inputLen, outputLen: out)))
    }
    guard !entries.isEmpty else { throw LoadError("\(source): no requests in the trace") }
    let sorted = entries.enumerated().sorted { a, b in
      a.element.t != b.element.t ? a.element.t < b.element.t : a.offset < b.offset
    }.map(\.element)
    return (sorted.map(\.request), sorted.map(\.t))
  }
}
