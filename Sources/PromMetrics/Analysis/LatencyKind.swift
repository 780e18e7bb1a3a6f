/// The latency histograms vLLM exports, in report order.
public enum LatencyKind: String, Sendable, CaseIterable {
  /// Time to first token (`vllm:time_to_first_token_seconds`).
  case ttft
  /// Every inter-token gap (`vllm:inter_token_latency_seconds`, formerly `…time_per_output_token_seconds`).
  case interToken = "inter_token"
  /// Per-request mean time per output token (`vllm:request_time_per_output_token_seconds`, v0.11+).
  case tpot
  /// End-to-end request latency.
  case e2e
  /// Time queued before first scheduled.
  case queue
  /// Scheduled → first token.
  case prefill
  /// First → last token.
  case decode
  /// Scheduled → last token.
  case inference

  /// The catalogue metric behind it.
  public var metric: VLLMMetric {
    switch self {
    case .ttft: return .timeToFirstToken
    case .interToken: return .interTokenLatency
    case .tpot: return .requestTimePerOutputToken
    case .e2e: return .e2eLatency
    case .queue: return .queueTime
    case .prefill: return .prefillTime
    case .decode: return .decodeTime
    case .inference: return .inferenceTime
    }
  }
}
