/// A run directory's `/metrics` recording summed up over its whole span, per (model, engine): how many scrapes
/// saw the engine, the highest gauge readings at a scrape, and the counters' increase over the recording (the
/// sum of each interval's increase, so a restart costs only its own interval). Built by the metrics analysis
/// from the recording's timeline; the report shows it in every format.
public struct MetricsTimelineSummary: Sendable, Equatable {
  /// One engine over the recording.
  public struct Engine: Sendable, Equatable {
    /// `model_name`.
    public var model: String?
    /// `engine`.
    public var engine: String?
    /// Scrapes that saw the engine.
    public var scrapes: Int
    /// Highest `vllm:num_requests_running` at a scrape.
    public var peakRunning: Double?
    /// Highest `vllm:num_requests_waiting` at a scrape.
    public var peakWaiting: Double?
    /// Highest KV-cache usage at a scrape, percent.
    public var peakKVUsagePct: Double?
    /// Prompt tokens over the recording.
    public var promptTokens: Double?
    /// Generated tokens over the recording.
    public var generationTokens: Double?
    /// Preemptions over the recording.
    public var preemptions: Double?

    /// Creates an engine's figures.
    public init(
      model: String?, engine: String?, scrapes: Int, peakRunning: Double?, peakWaiting: Double?,
      peakKVUsagePct: Double?, promptTokens: Double?, generationTokens: Double?, preemptions: Double?
    ) {
      self.model = model
      self.engine = engine
      self.scrapes = scrapes
      self.peakRunning = peakRunning
      self.peakWaiting = peakWaiting
      self.peakKVUsagePct = peakKVUsagePct
      self.promptTokens = promptTokens
      self.generationTokens = generationTokens
      self.preemptions = preemptions
    }

    /// `model / engine N`, or empty when neither label is known.
    public var title: String {
      [model, engine.map { "engine \($0)" }].compactMap { $0 }.joined(separator: " / ")
    }
  }

  /// Successful scrapes.
  public var scrapes: Int
  /// Failed scrape attempts.
  public var failedScrapes: Int
  /// Seconds from the first to the last successful scrape.
  public var spanSeconds: Double
  /// Per engine, in order of first appearance.
  public var engines: [Engine]

  /// Creates a summary.
  public init(scrapes: Int, failedScrapes: Int, spanSeconds: Double, engines: [Engine]) {
    self.scrapes = scrapes
    self.failedScrapes = failedScrapes
    self.spanSeconds = spanSeconds
    self.engines = engines
  }
}
