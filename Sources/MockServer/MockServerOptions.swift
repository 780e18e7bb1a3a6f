import MockEngine

/// What `profilemate mock` serves and how.
public struct MockServerOptions: Sendable {
  /// Address to listen on: loopback only (`127.0.0.1`, `::1` or `localhost`).
  public var host = "127.0.0.1"
  /// Port (0: any free port).
  public var port = 8000
  /// The model name served (`--served-model-name`).
  public var model = "mock"
  /// Scheduler settings.
  public var engine = EngineConfig()
  /// Step-time model.
  public var timeModel = StepTimeModel()
  /// Where the server log goes (nil: standard output).
  public var logPath: String?
  /// Whether to write an iteration line per step (`--enable-logging-iteration-details`).
  public var iterationLines = false
  /// Seconds between stats lines (vLLM's `VLLM_LOG_STATS_INTERVAL`, 10 s).
  public var statsInterval = 10.0

  /// Creates the defaults.
  public init() {}

  /// The first setting that cannot work, as a one-line message; nil when all are usable.
  public var problem: String? {
    if !["127.0.0.1", "::1", "localhost"].contains(host) {
      return "--host must be a loopback address (127.0.0.1, ::1 or localhost), got \(host)"
    }
    if port < 0 || port > 65535 { return "--port must be 0…65535" }
    if model.isEmpty { return "--served-model-name must not be empty" }
    if !(statsInterval.isFinite && statsInterval >= 0.1 && statsInterval <= 3600) {
      return "--log-stats-interval must be 0.1…3600 seconds"
    }
    return engine.problem ?? timeModel.problem
  }
}
