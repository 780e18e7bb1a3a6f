/// Runs an ``EngineCore`` in virtual time over known arrivals: each step takes the time model's duration,
/// an idle engine jumps to the next arrival. The same engine as the server's, with no waiting.
public enum VirtualRun {
  /// An arrival: a request and its time in seconds.
  public typealias Arrival = (time: Double, request: EngineRequest)

  /// A token's virtual time.
  public struct TokenTime: Sendable, Equatable {
    /// The request id.
    public var id: String
    /// Output index (1 = first token).
    public var index: Int
    /// When the step that produced it ended.
    public var time: Double
  }

  /// Runs `arrivals` (sorted by time) to completion, at most `maxSteps` steps; returns every token's time and
  /// the engine as it ended.
  public static func run(
    _ arrivals: [Arrival], config: EngineConfig, timeModel: StepTimeModel, maxSteps: Int = 1_000_000
  ) -> (tokens: [TokenTime], engine: EngineCore) {
    var engine = EngineCore(config: config, timeModel: timeModel)
    var tokens: [TokenTime] = []
    var next = 0
    var now = arrivals.first?.time ?? 0
    var steps = 0
    while steps < maxSteps {
      while next < arrivals.count, arrivals[next].time <= now {
        _ = engine.add(arrivals[next].request, at: arrivals[next].time)
        next += 1
      }
      if let step = engine.nextStep(at: now) {
        let elapsed = timeModel.seconds(for: step)
        now += elapsed
        let outcome = engine.finish(step, at: now, elapsed: elapsed)
        tokens += outcome.tokens.map { TokenTime(id: $0.id, index: $0.index, time: now) }
        steps += 1
      } else if next < arrivals.count {
        now = max(now, arrivals[next].time)
      } else {
        break
      }
    }
    return (tokens, engine)
  }
}
