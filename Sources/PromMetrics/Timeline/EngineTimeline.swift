/// The timeline of one (model, engine): a point per scrape that saw it, and the running totals behind the
/// whole-timeline summary.
public struct EngineTimeline: Sendable {
  /// `model_name`.
  public var model: String?
  /// `engine`.
  public var engine: String?
  /// Points in time order; with a history limit, only the latest ones.
  public internal(set) var points: [TimelinePoint] = []
  /// Increases summed over every interval (counters and histograms), with the latest gauges.
  var accumulated: VLLMSnapshot
  /// The latest snapshot.
  var last: VLLMSnapshot?
  /// Recent snapshots, oldest first, for the sliding window.
  var recent: [(epochMs: Int64, snapshot: VLLMSnapshot)] = []
  /// Counters that restarted in some interval, in order of first restart.
  public internal(set) var resetCounters: [String] = []
  /// Unix ms of the engine's first scrape in the timeline.
  public internal(set) var firstEpochMs: Int64
  /// Unix ms of its latest scrape.
  public internal(set) var lastEpochMs: Int64
  /// Whether it was already there at the timeline's first successful scrape.
  public internal(set) var presentAtStart: Bool

  init(model: String?, engine: String?, epochMs: Int64, presentAtStart: Bool) {
    self.model = model
    self.engine = engine
    accumulated = VLLMSnapshot(model: model, engine: engine)
    firstEpochMs = epochMs
    lastEpochMs = epochMs
    self.presentAtStart = presentAtStart
  }

  /// `model / engine N`.
  public var title: String {
    [model, engine.map { "engine \($0)" }].compactMap { $0 }.joined(separator: " / ")
  }
}
