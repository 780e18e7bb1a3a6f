/// Something notable that happened, read from one line.
public struct LogEvent: Sendable, Equatable {
  /// The kinds of event the reader recognises.
  public enum Kind: String, Sendable, CaseIterable {
    /// A V0 `Sequence group … is preempted` warning.
    case preemption
    /// A line logged at ERROR or CRITICAL.
    case error
    /// A Python traceback started.
    case traceback
    /// An out-of-memory error (CUDA or torch).
    case outOfMemory = "out_of_memory"
    /// The engine died (`EngineDeadError`, `EngineCore encountered a fatal error`).
    case engineDead = "engine_dead"
    /// The v0.30+ crash caused by `VLLM_DEBUG_MFU_METRICS=1`.
    case mfuDebugCrash = "mfu_debug_crash"
    /// The server began shutting down.
    case shutdown
    /// A WARNING the analysis cares about (e.g. `max_num_seqs` capped, truncated capture size).
    case warning
    /// The engine refused to start: the KV cache cannot hold one request of `max_model_len` (`To serve at
    /// least one request with the model's max seq len (N), (X GiB KV cache is needed, …) … the estimated maximum
    /// model length is M`, or the older `The model's max seq len (N) is larger than the maximum number of tokens
    /// that can be stored in KV cache (M)`).
    case kvCacheTooSmall = "kv_cache_too_small"
  }

  /// The event's kind.
  public var kind: Kind
  /// The line it was read from.
  public var line: LineNumber
  /// Seconds since the first timestamp, when known.
  public var time: Double?
  /// The message, shortened to at most 300 characters.
  public var message: String

  /// Creates an event.
  public init(kind: Kind, line: LineNumber, time: Double?, message: String) {
    self.kind = kind
    self.line = line
    self.time = time
    self.message = message
  }
}
