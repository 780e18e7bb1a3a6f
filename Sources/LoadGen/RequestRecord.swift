/// What the client saw of one request. Times are monotonic seconds (`CLOCK_MONOTONIC`, the clock Python's
/// `time.perf_counter` reads on Linux).
public struct RequestRecord: Sendable, Equatable {
  /// Index in the workload.
  public var index: Int
  /// Prompt length the workload intended.
  public var intendedInput: Int
  /// `max_tokens` asked for.
  public var maxTokens: Int
  /// When it was due by the arrival schedule.
  public var due: Double
  /// When it could go (due, or later when `--max-concurrency` held it back).
  public var eligible: Double
  /// When the client started it (vLLM's `start_time`: before a connection is taken).
  public var start: Double
  /// When the first response byte came.
  public var firstByte: Double?
  /// Arrival time of every chunk that carried generated text.
  public var chunkTimes: [Double] = []
  /// Tokens in each such chunk (from per-chunk usage when the server sends it, else 1).
  public var chunkTokens: [Int] = []
  /// When the response ended.
  public var end: Double?
  /// `usage.prompt_tokens` of the response.
  public var promptTokens: Int?
  /// `usage.completion_tokens` of the response.
  public var completionTokens: Int?
  /// Whether the server sent usage in every chunk (`continuous_usage_stats`).
  public var perChunkUsage = false
  /// The error, empty when it succeeded.
  public var error = ""
  /// Whether the error was a connection failure (refused, reset, closed early).
  public var connectionError = false

  /// Creates a record for a request not yet sent.
  public init(index: Int, intendedInput: Int, maxTokens: Int, due: Double, eligible: Double, start: Double) {
    self.index = index
    self.intendedInput = intendedInput
    self.maxTokens = maxTokens
    self.due = due
    self.eligible = eligible
    self.start = start
  }

  /// It completed without error.
  public var succeeded: Bool { error.isEmpty && end != nil }
  /// Time to first token (first chunk with text), seconds.
  public var ttft: Double? { chunkTimes.first.map { $0 - start } }
  /// End-to-end latency, seconds.
  public var latency: Double? { end.map { $0 - start } }
  /// Output tokens: the usage figure, else the tokens counted in the stream.
  public var outputTokens: Int { completionTokens ?? streamTokens }
  /// Tokens counted from the stream itself.
  public var streamTokens: Int { chunkTokens.reduce(0, +) }
  /// Gaps between successive text chunks (vLLM's ITL: per chunk), seconds.
  public var chunkITLs: [Double] {
    guard chunkTimes.count > 1 else { return [] }
    return (1..<chunkTimes.count).map { chunkTimes[$0] - chunkTimes[$0 - 1] }
  }
  /// Per-token ITL: each gap split evenly over the chunk's tokens (differs from per chunk when a chunk
  /// carries several tokens).
  public var tokenITLs: [Double] {
    guard chunkTimes.count > 1 else { return [] }
    var out: [Double] = []
    for i in 1..<chunkTimes.count {
      let k = max(1, chunkTokens[i])
      let gap = (chunkTimes[i] - chunkTimes[i - 1]) / Double(k)
      out += Array(repeating: gap, count: k)
    }
    return out
  }
  /// Time per output token after the first: (latency − TTFT) / (output − 1), as vLLM computes it.
  public var tpot: Double? {
    guard let latency, let ttft, outputTokens > 1 else { return nil }
    return (latency - ttft) / Double(outputTokens - 1)
  }
}
