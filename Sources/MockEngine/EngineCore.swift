/// The mock engine: ``V1Scheduler`` plus the clock-dependent part of vLLM's engine — request timestamps,
/// metrics, and the step counter. Time is always passed in (seconds on any monotonic scale), so the same
/// engine runs in real time behind the mock server and in virtual time in tests and what-if runs.
public struct EngineCore: Sendable {
  /// A request's timestamps, as vLLM's `RequestStateStats` keeps them.
  public struct Times: Sendable, Equatable {
    /// Arrival (queued).
    public var arrival: Double
    /// First scheduled.
    public var scheduled: Double?
    /// First token.
    public var firstToken: Double?
    /// Latest token.
    public var lastToken: Double?
  }

  /// One token handed out by a step.
  public struct Token: Sendable, Equatable {
    /// The request id.
    public var id: String
    /// The request's output count after this token (1 for the first).
    public var index: Int
    /// Whether this is the request's last token.
    public var last: Bool
  }

  /// What a finished step produced.
  public struct Outcome: Sendable, Equatable {
    /// Tokens, in step order.
    public var tokens: [Token]
    /// The step's iteration details, for the iteration log line.
    public var step: ScheduledStep
    /// The step's elapsed time in seconds.
    public var elapsed: Double
  }

  /// The scheduler.
  public private(set) var scheduler: V1Scheduler
  /// The step-time model the driver uses to time steps.
  public let timeModel: StepTimeModel
  /// Prometheus state.
  public private(set) var metrics: EngineMetrics
  /// Timestamps of live requests.
  public private(set) var times: [String: Times] = [:]
  /// Steps completed (the next iteration index).
  public private(set) var stepCount = 0

  /// Creates an idle engine.
  public init(config: EngineConfig, timeModel: StepTimeModel = StepTimeModel()) {
    scheduler = V1Scheduler(config: config)
    self.timeModel = timeModel
    metrics = EngineMetrics(maxModelLen: config.maxModelLen)
  }

  /// Queues a request that arrived at `time`; returns the reason when it is rejected (nothing queued).
  public mutating func add(_ r: EngineRequest, at time: Double) -> String? {
    if let reason = scheduler.rejection(r) { return reason }
    scheduler.add(r)
    times[r.id] = Times(arrival: time)
    metrics.requestMaxTokens.observe(Double(r.maxTokens))
    return nil
  }

  /// Drops a request whose client went away (counted as `finished_reason="abort"`).
  public mutating func abort(_ id: String) {
    if scheduler.abort(id) {
      times[id] = nil
      metrics.finishedAbort += 1
    }
  }

  /// Whether a step would have anything to run.
  public var hasWork: Bool { scheduler.hasWork }

  /// Schedules the next step at `time`; nil when it would run nothing. The step's duration is
  /// `timeModel.seconds(for:)`; call ``finish(_:at:)`` when it is over.
  public mutating func nextStep(at time: Double) -> ScheduledStep? {
    let step = scheduler.schedule()
    metrics.preemptions += step.preempted.count
    guard !step.entries.isEmpty else { return nil }
    for e in step.entries where times[e.id]?.scheduled == nil { times[e.id]?.scheduled = time }
    return step
  }

  /// Records that `step` ended at `time` after `elapsed` seconds: tokens sampled, requests finished.
  public mutating func finish(_ step: ScheduledStep, at time: Double, elapsed: Double) -> Outcome {
    // Prompt lengths and preemption counts before the scheduler forgets finished requests.
    var before: [String: (prompt: Int, preemptions: Int)] = [:]
    for e in step.entries {
      if let s = scheduler.states[e.id] { before[e.id] = (s.request.promptTokens, s.preemptions) }
    }
    let result = scheduler.complete(step)
    let finished = Set(result.finished)
    var iterationTokens = 0
    var tokens: [Token] = []
    tokens.reserveCapacity(result.tokens.count)
    for (id, index) in result.tokens {
      guard var t = times[id], let info = before[id] else { continue }
      metrics.generationTokens += 1
      iterationTokens += 1
      if t.firstToken == nil {
        // The prompt counts once, when its prefill completes (not again after a preemption).
        t.firstToken = time
        metrics.ttft.observe(time - t.arrival)
        metrics.promptTokens += info.prompt
        iterationTokens += info.prompt
      } else if let last = t.lastToken {
        metrics.itl.observe(time - last)
      }
      t.lastToken = time
      let isLast = finished.contains(id)
      tokens.append(Token(id: id, index: index, last: isLast))
      if isLast {
        finishRecord(t, generated: index, prompt: info.prompt, preemptions: info.preemptions, at: time)
        times[id] = nil
      } else {
        times[id] = t
      }
    }
    metrics.iterationTokens.observe(Double(iterationTokens))
    stepCount += 1
    return Outcome(tokens: tokens, step: step, elapsed: elapsed)
  }

  mutating func finishRecord(_ t: Times, generated: Int, prompt: Int, preemptions: Int, at time: Double) {
    metrics.finishedLength += 1
    metrics.e2e.observe(time - t.arrival)
    let scheduled = t.scheduled ?? t.arrival
    let first = t.firstToken ?? time
    metrics.queue.observe(scheduled - t.arrival)
    metrics.prefill.observe(first - scheduled)
    metrics.decode.observe(time - first)
    metrics.inference.observe(time - scheduled)
    if generated > 1 { metrics.tpot.observe((time - first) / Double(generated - 1)) }
    metrics.requestPrompt.observe(Double(prompt))
    metrics.requestGeneration.observe(Double(generated))
    metrics.requestPreemptions.observe(Double(preemptions))
  }
}
