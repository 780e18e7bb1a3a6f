/// A model of vLLM V1's scheduler (`vllm/v1/core/sched/scheduler.py`, FCFS policy, no prefix caching, no
/// speculative decoding), with no notion of time:
///
/// - Each step has a token budget (`max_num_batched_tokens`). Running requests are served first, in order:
///   each gets what it still needs (the rest of its prompt, or one decode token), cut to the budget (chunked
///   prefill) and to `max_model_len - 1 - computed`.
/// - KV blocks are allocated for the tokens a request will have computed; when the pool is short, the
///   *last* running request is preempted (its blocks freed, its progress dropped: recompute) and put at the
///   front of the waiting queue, until the allocation fits or the request itself was the one preempted.
/// - Waiting requests are admitted, in order, only if no request was preempted this step, while the budget
///   lasts and the running batch holds fewer than `max_num_seqs`; without chunked prefill a prompt that does
///   not fit the remaining budget waits. Admission stops at the first request whose blocks do not fit.
/// - After the step, a request whose computed tokens reach its length (prompt + output so far) samples one
///   token; one with `max_tokens` outputs finishes and frees its blocks.
public struct V1Scheduler: Sendable {
  /// One request's scheduling state.
  public struct State: Sendable, Equatable {
    /// The request.
    public var request: EngineRequest
    /// Tokens whose KV is computed.
    public var computed = 0
    /// Tokens generated so far.
    public var output = 0
    /// KV blocks held.
    public var blocks = 0
    /// Times preempted.
    public var preemptions = 0

    /// Prompt plus output so far.
    public var length: Int { request.promptTokens + output }
  }

  /// What one finished step produced.
  public struct StepOutcome: Sendable, Equatable {
    /// Ids that sampled a token this step, in step order, with their output count after it.
    public var tokens: [(id: String, output: Int)]
    /// Ids that finished (reached `max_tokens`) this step.
    public var finished: [String]

    public static func == (a: StepOutcome, b: StepOutcome) -> Bool {
      a.finished == b.finished && a.tokens.map(\.id) == b.tokens.map(\.id)
        && a.tokens.map(\.output) == b.tokens.map(\.output)
    }
  }

  /// The settings.
  public let config: EngineConfig
  /// Live requests by id.
  public private(set) var states: [String: State] = [:]
  /// Running requests, in scheduling order.
  public private(set) var running: [String] = []
  /// Waiting requests, front first (preempted ones go back to the front).
  public private(set) var waiting: [String] = []
  /// Free KV blocks.
  public private(set) var freeBlocks: Int
  /// Preemptions so far.
  public private(set) var preemptionCount = 0

  /// Creates an idle scheduler.
  public init(config: EngineConfig) {
    self.config = config
    freeBlocks = config.numBlocks
  }

  /// Why a request cannot be served at all (vLLM answers 400), or nil.
  public func rejection(_ r: EngineRequest) -> String? {
    if r.promptTokens < 1 { return "The prompt is empty." }
    if r.maxTokens < 1 { return "max_tokens must be at least 1, got \(r.maxTokens)." }
    if r.promptTokens + r.maxTokens > config.maxModelLen {
      return "This model's maximum context length is \(config.maxModelLen) tokens. However, you requested "
        + "\(r.promptTokens + r.maxTokens) tokens (\(r.promptTokens) in the messages, \(r.maxTokens) in the "
        + "completion). Please reduce the length of the messages or completion."
    }
    if blocksFor(r.promptTokens + r.maxTokens) > config.numBlocks {
      return "The request needs more KV blocks than the pool holds (\(config.numBlocks))."
    }
    if states[r.id] != nil { return "Duplicate request id \(r.id)." }
    return nil
  }

  /// Queues a request at the back of the waiting queue. Returns false (and queues nothing) when
  /// ``rejection(_:)`` has a reason.
  @discardableResult
  public mutating func add(_ r: EngineRequest) -> Bool {
    guard rejection(r) == nil else { return false }
    states[r.id] = State(request: r)
    waiting.append(r.id)
    return true
  }

  /// Drops a request wherever it is, freeing its blocks (a client that went away). False when unknown.
  @discardableResult
  public mutating func abort(_ id: String) -> Bool {
    guard let s = states.removeValue(forKey: id) else { return false }
    freeBlocks += s.blocks
    running.removeAll { $0 == id }
    waiting.removeAll { $0 == id }
    return true
  }

  /// Whether there is anything to schedule.
  public var hasWork: Bool { !running.isEmpty || !waiting.isEmpty }

  /// The fraction of KV blocks in use (vLLM's `kv_cache_usage_perc`, 1 = full).
  public var kvUsage: Double { 1 - Double(freeBlocks) / Double(config.numBlocks) }

  func blocksFor(_ tokens: Int) -> Int { (tokens + config.blockSize - 1) / config.blockSize }

  /// Allocates the blocks `id` needs to hold `tokens` more computed tokens; false when the pool is short.
  mutating func allocate(_ id: String, _ tokens: Int) -> Bool {
    guard var s = states[id] else { return false }
    let need = max(0, blocksFor(s.computed + tokens) - s.blocks)
    guard need <= freeBlocks else { return false }
    freeBlocks -= need
    s.blocks += need
    states[id] = s
    return true
  }

  /// Preempts the last running request: frees its blocks, drops its computed tokens, queues it first.
  mutating func preemptLast() -> String {
    let victim = running.removeLast()
    if var s = states[victim] {
      freeBlocks += s.blocks
      s.blocks = 0
      s.computed = 0
      s.preemptions += 1
      states[victim] = s
    }
    waiting.insert(victim, at: 0)
    preemptionCount += 1
    return victim
  }

  /// Schedules the next step; an empty step when there is nothing to run.
  public mutating func schedule() -> ScheduledStep {
    var budget = config.maxNumBatchedTokens
    var entries: [ScheduledStep.Entry] = []
    var preempted: [String] = []
    var index = 0
    running: while index < running.count, budget > 0 {
      let id = running[index]
      guard let s = states[id] else {
        index += 1
        continue
      }
      let n = min(s.length - s.computed, budget, config.maxModelLen - 1 - s.computed)
      if n <= 0 {
        index += 1
        continue
      }
      while !allocate(id, n) {
        let victim = preemptLast()
        preempted.append(victim)
        if victim == id { break running }
      }
      entries.append(.init(id: id, tokens: n, isContext: s.output == 0))
      budget -= n
      index += 1
    }
    if preempted.isEmpty {
      while let id = waiting.first, budget > 0, running.count < config.maxNumSeqs {
        guard let s = states[id] else {
          waiting.removeFirst()
          continue
        }
        let want = s.length - s.computed
        if !config.chunkedPrefill && want > budget { break }
        let n = min(want, budget)
        guard allocate(id, n) else { break }
        waiting.removeFirst()
        running.append(id)
        entries.append(.init(id: id, tokens: n, isContext: true))
        budget -= n
      }
    }
    return ScheduledStep(entries: entries, preempted: preempted)
  }

  /// Records that `step` ran: advances computed tokens, samples tokens, finishes requests at `max_tokens`.
  public mutating func complete(_ step: ScheduledStep) -> StepOutcome {
    var outcome = StepOutcome(tokens: [], finished: [])
    for e in step.entries {
      guard var s = states[e.id] else { continue }  // aborted meanwhile
      s.computed += e.tokens
      if s.computed >= s.length {
        s.output += 1
        outcome.tokens.append((e.id, s.output))
      }
      states[e.id] = s
      if s.output >= s.request.maxTokens {
        outcome.finished.append(e.id)
        freeBlocks += s.blocks
        states[e.id] = nil
        running.removeAll { $0 == e.id }
      }
    }
    return outcome
  }
}
