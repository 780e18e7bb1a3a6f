/// What an input is, decided by its content (see ``InputDetector``).
///
/// A new kind (a kernel-profile export, a trace) is one case here, one recogniser in
/// ``InputDetector/recognizers`` and its place in the commands' accepted lists.
public enum InputKind: String, Sendable, CaseIterable, Hashable {
  /// A vLLM server log as text (any version, colours, prefixes).
  case textLog = "text-log"
  /// A vLLM server log written by the `--logging-config` JSON formatter: one `{…"message"…}` object per line.
  case jsonLog = "json-log"
  /// A saved `profilemate analyze --json` report.
  case savedReport = "saved-report"
  /// A run directory: `server.log` and optionally `metrics/`, `bench.json`, `config.json`, `run.json`.
  case runDirectory = "run-directory"
  /// One Prometheus `/metrics` scrape.
  case scrape
  /// A recording of scrapes: a folder holding `index.tsv`, or the `index.tsv` itself.
  case recording
  /// A `vllm bench serve --save-result` JSON file.
  case benchJSON = "bench-json"
  /// The text summary `vllm bench serve` prints (`============ Serving Benchmark Result ============`).
  case benchText = "bench-text"

  /// The kind as a phrase for messages.
  public var label: String {
    switch self {
    case .textLog: return "a vLLM server log"
    case .jsonLog: return "a vLLM JSON log"
    case .savedReport: return "a saved `profilemate analyze --json` report"
    case .runDirectory: return "a run directory"
    case .scrape: return "a /metrics scrape"
    case .recording: return "a scrape recording (index.tsv)"
    case .benchJSON: return "a `vllm bench serve` result (JSON)"
    case .benchText: return "a `vllm bench serve` text summary"
    }
  }

  /// The kinds the log-reading commands accept (`analyze`, `report`, `cudagraph`, `kv --log`).
  public static let logs: Set<InputKind> = [.textLog, .jsonLog, .runDirectory]
  /// What `compare` and `report --baseline` accept: logs, run directories and saved reports.
  public static let comparable: Set<InputKind> = logs.union([.savedReport])
}
