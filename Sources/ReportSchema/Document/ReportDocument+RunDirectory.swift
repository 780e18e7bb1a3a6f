import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// The files joined for a run directory (`run_directory`).
  public struct RunDirectory: Codable, Sendable, Equatable {
    /// `path`.
    public var path: String?
    /// `log`.
    public var log: String?
    /// `metrics`.
    public var metrics: String?
    /// `scrapes`.
    public var scrapes: Int?
    /// `failed_scrapes`.
    public var failedScrapes: Int?
    /// `metrics_seconds`.
    public var metricsSeconds: Double?
    /// `benchmark`.
    public var benchmark: String?
    /// `config`.
    public var config: String?
    /// `run_info`.
    public var runInfo: String?
    /// `recorded_vllm_version`.
    public var recordedVLLMVersion: String?
    /// `extra_server_flags`.
    public var extraServerFlags: [String]?

    enum CodingKeys: String, CodingKey {
      case path
      case log
      case metrics
      case scrapes
      case failedScrapes = "failed_scrapes"
      case metricsSeconds = "metrics_seconds"
      case benchmark
      case config
      case runInfo = "run_info"
      case recordedVLLMVersion = "recorded_vllm_version"
      case extraServerFlags = "extra_server_flags"
    }
  }
  // END GENERATED
}

extension ReportDocument.RunDirectory {
  /// The files of `s`.
  init(_ s: RunSources) {
    self.init(
      path: s.directory, log: s.log, metrics: s.metrics, scrapes: s.scrapes, failedScrapes: s.failedScrapes,
      metricsSeconds: s.metricsSeconds, benchmark: s.benchmark, config: s.config, runInfo: s.runInfo,
      recordedVLLMVersion: s.recordedVLLMVersion, extraServerFlags: s.extraServerFlags)
  }
}
