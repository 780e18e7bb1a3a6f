/// One request of a workload: the prompt (token ids for the completions API, or text) and the tokens to ask
/// for.
public struct WorkloadRequest: Sendable, Equatable {
  /// Prompt token ids (completions API), or nil when `text` is used.
  public var tokenIDs: [Int]?
  /// Prompt text (chat API), or nil.
  public var text: String?
  /// Intended prompt length in tokens (exact for token ids; the server's `usage` is the figure reported).
  public var inputLen: Int
  /// `max_tokens`.
  public var outputLen: Int

  /// Creates a request.
  public init(tokenIDs: [Int]?, text: String?, inputLen: Int, outputLen: Int) {
    self.tokenIDs = tokenIDs
    self.text = text
    self.inputLen = inputLen
    self.outputLen = outputLen
  }
}

/// `--dataset-name random`: vLLM's random dataset without a tokenizer. Lengths are drawn uniformly from
/// `[len × (1 − ratio), len × (1 + ratio)]`; the prompt is `--random-prefix-len` shared ids followed by
/// `(offset + index + k) mod vocab` as in vLLM, sent as token ids so the length is exact. For the chat API
/// (which takes text) each id becomes one short word, and the length is whatever the server counts.
public enum RandomDataset {
  /// Makes `count` requests.
  public static func make(
    count: Int, inputLen: Int, outputLen: Int, rangeRatio: Double, prefixLen: Int, vocabSize: Int, chat: Bool,
    random: inout SeededRandom
  ) -> [WorkloadRequest] {
    func draw(_ len: Int) -> Int {
      let lo = Int(Double(len) * (1 - rangeRatio))
      let hi = Int(Double(len) * (1 + rangeRatio))
      guard hi > lo else { return max(lo, 1) }
      return max(1, lo + Int(random.next() % UInt64(hi - lo + 1)))
    }
    // Ids 0…3 are the usual special tokens; use the rest of the vocabulary.
    let usable = max(1, vocabSize - 4)
    let prefix = (0..<prefixLen).map { _ in 4 + Int(random.next() % UInt64(usable)) }
    var out: [WorkloadRequest] = []
    out.reserveCapacity(count)
    for i in 0..<count {
      let input = draw(inputLen)
      let output = draw(outputLen)
      let offset = Int(random.next() % UInt64(usable))
      let ids = prefix + (0..<input).map { 4 + (offset + i + $0) % usable }
      if chat {
        let text = ids.map { "w\($0 % 1000)" }.joined(separator: " ")
        out.append(WorkloadRequest(tokenIDs: nil, text: text, inputLen: prefixLen + input, outputLen: output))
      } else {
        out.append(WorkloadRequest(tokenIDs: ids, text: nil, inputLen: prefixLen + input, outputLen: output))
      }
    }
    return out
  }
}
