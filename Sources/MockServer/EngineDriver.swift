import MockEngine
import NIOCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs an ``EngineCore`` in real time on one event loop: schedules a step, waits the step-time model's
/// duration, finishes it at the monotonic clock's time, hands the tokens to the requests' sinks, repeats
/// while there is work. Writes the iteration and stats lines.
///
/// Confined to `loop`: every method must be called on it (the server runs one event loop), which is why it
/// is `@unchecked Sendable`.
final class EngineDriver: @unchecked Sendable {
  typealias Sink = (EngineCore.Token) -> Void

  let loop: EventLoop
  let options: MockServerOptions
  let log: ServerLog
  private(set) var engine: EngineCore
  private var sinks: [String: Sink] = [:]
  private var stepping = false
  private var lastStats: (time: Double, prompt: Int, generation: Int, preemptions: Int)
  private var statsTask: RepeatedTask?
  private var requestNumber = 0

  init(loop: EventLoop, options: MockServerOptions, log: ServerLog) {
    self.loop = loop
    self.options = options
    self.log = log
    engine = EngineCore(config: options.engine, timeModel: options.timeModel)
    lastStats = (Self.now(), 0, 0, 0)
  }

  /// Monotonic seconds.
  static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }

  /// Starts the stats lines.
  func startStats() {
    let interval = TimeAmount.nanoseconds(Int64(options.statsInterval * 1e9))
    statsTask = loop.scheduleRepeatedTask(initialDelay: interval, delay: interval) { [self] _ in logStats() }
  }

  /// Stops the stats lines.
  func stop() { statsTask?.cancel() }

  /// Queues a request whose tokens go to `sink`; returns the rejection message instead when it cannot run.
  func submit(_ r: EngineRequest, sink: @escaping Sink) -> String? {
    loop.preconditionInEventLoop()
    if let reason = engine.add(r, at: Self.now()) { return reason }
    sinks[r.id] = sink
    kick()
    return nil
  }

  /// A new number for a request id.
  func nextRequestNumber() -> Int {
    requestNumber += 1
    return requestNumber
  }

  /// Drops a request whose client went away.
  func abort(_ id: String) {
    guard sinks.removeValue(forKey: id) != nil else { return }
    engine.abort(id)
  }

  /// The `/metrics` text now.
  func exposition() -> String {
    let s = engine.scheduler
    return MetricsExposition.render(
      engine.metrics, gauges: .init(running: s.running.count, waiting: s.waiting.count, kvUsage: s.kvUsage),
      config: options.engine, model: options.model)
  }

  private func kick() {
    guard !stepping, engine.hasWork else { return }
    runStep()
  }

  private func runStep() {
    let start = Self.now()
    guard let step = engine.nextStep(at: start) else {
      stepping = false
      if engine.hasWork {  // only preemptions this round: try again shortly
        stepping = true
        loop.scheduleTask(in: .milliseconds(1)) { [self] in
          stepping = false
          kick()
        }
      }
      return
    }
    stepping = true
    let seconds = engine.timeModel.seconds(for: step)
    loop.scheduleTask(in: .nanoseconds(Int64(seconds * 1e9))) { [self] in finishStep(step, start: start) }
  }

  private func finishStep(_ step: ScheduledStep, start: Double) {
    let end = Self.now()
    let index = engine.stepCount
    let outcome = engine.finish(step, at: end, elapsed: end - start)
    if options.iterationLines {
      log.info(
        "loggers.py:199",
        VLLMLogFormat.iteration(index, step, elapsedMs: (end - start) * 1000, kvUsage: engine.scheduler.kvUsage))
    }
    for token in outcome.tokens {
      guard let sink = sinks[token.id] else { continue }
      if token.last { sinks[token.id] = nil }
      sink(token)
    }
    stepping = false
    kick()
  }

  private func logStats() {
    let t = Self.now()
    let m = engine.metrics
    let dt = max(t - lastStats.time, 1e-9)
    let prompt = m.promptTokens - lastStats.prompt
    let generation = m.generationTokens - lastStats.generation
    let preemptions = m.preemptions - lastStats.preemptions
    let s = engine.scheduler
    // vLLM logs an idle interval at DEBUG only.
    if prompt > 0 || generation > 0 || s.hasWork {
      log.info(
        "loggers.py:335",
        VLLMLogFormat.stats(
          promptThroughput: Double(prompt) / dt, generationThroughput: Double(generation) / dt,
          running: s.running.count, waiting: s.waiting.count, preemptions: preemptions, kvUsage: s.kvUsage))
    }
    lastStats = (t, m.promptTokens, m.generationTokens, m.preemptions)
  }
}
