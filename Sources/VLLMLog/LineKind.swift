/// The forms of line the reader recognises, for the coverage counts.
enum LineKind: Int, CaseIterable {
  case iteration, stats, aggregatedStats, specDecode, cudagraphTable, mfu, mfuDetails
  case engineConfig, startupFact, componentMetrics, kvCapacity, preemption, request
  case httpAccess, uvicorn, progress, traceback, errorRecord, shutdown, routes, banner
  case blank, otherRecord, unrecognized

  /// The name used in `coverage.by_kind`.
  var name: String {
    switch self {
    case .iteration: return "iteration"
    case .stats: return "stats"
    case .aggregatedStats: return "aggregated_stats"
    case .specDecode: return "spec_decode"
    case .cudagraphTable: return "cudagraph_table"
    case .mfu: return "mfu"
    case .mfuDetails: return "mfu_details"
    case .engineConfig: return "engine_config"
    case .startupFact: return "startup_fact"
    case .componentMetrics: return "component_metrics"
    case .kvCapacity: return "kv_capacity"
    case .preemption: return "preemption"
    case .request: return "request"
    case .httpAccess: return "http_access"
    case .uvicorn: return "uvicorn"
    case .progress: return "progress_bar"
    case .traceback: return "traceback"
    case .errorRecord: return "error"
    case .shutdown: return "shutdown"
    case .routes: return "routes"
    case .banner: return "banner"
    case .blank: return "blank"
    case .otherRecord: return "other_log_record"
    case .unrecognized: return "unrecognized"
    }
  }

  /// Whether lines of this kind count as recognised. Log records whose message the reader
  /// does not know (`otherRecord`) do not.
  var isRecognized: Bool { self != .otherRecord && self != .unrecognized }
}
