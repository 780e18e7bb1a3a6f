/// The files of a run directory that were joined into one analysis, relative to the directory.
public struct RunSources: Sendable, Equatable {
  /// The run directory.
  public var directory: String
  /// The server log.
  public var log: String?
  /// The metrics: a recording folder (`metrics/`) or a pair of scrapes (`before.prom → after.prom`).
  public var metrics: String?
  /// Successful scrapes of the recording used.
  public var scrapes = 0
  /// Failed scrape attempts listed in the recording's index.
  public var failedScrapes = 0
  /// Seconds from the first to the last successful scrape.
  public var metricsSeconds: Double?
  /// The benchmark result.
  public var benchmark: String?
  /// The model's `config.json`.
  public var config: String?
  /// The recorder's `run.json`.
  public var runInfo: String?
  /// The vLLM version `run.json` names.
  public var recordedVLLMVersion: String?
  /// The server flags `run.json` lists beyond the recorder's own.
  public var extraServerFlags: [String] = []

  /// Creates an empty description of `directory`.
  public init(directory: String) {
    self.directory = directory
  }
}
