/// The engine's Prometheus state: vLLM V1's counters and histograms (names in
/// ``MetricsExposition``), fed by ``EngineCore``.
public struct EngineMetrics: Sendable, Equatable {
  /// `vllm:prompt_tokens_total`: prompt tokens of requests whose prefill completed.
  public var promptTokens = 0
  /// `vllm:generation_tokens_total`.
  public var generationTokens = 0
  /// `vllm:num_preemptions_total`.
  public var preemptions = 0
  /// `vllm:request_success_total{finished_reason="length"}`.
  public var finishedLength = 0
  /// `vllm:request_success_total{finished_reason="abort"}`.
  public var finishedAbort = 0
  /// `vllm:time_to_first_token_seconds`.
  public var ttft = Histogram(bounds: Histogram.ttftBounds)
  /// `vllm:inter_token_latency_seconds`.
  public var itl = Histogram(bounds: Histogram.itlBounds)
  /// `vllm:request_time_per_output_token_seconds`.
  public var tpot = Histogram(bounds: Histogram.itlBounds)
  /// `vllm:e2e_request_latency_seconds`.
  public var e2e = Histogram(bounds: Histogram.phaseBounds)
  /// `vllm:request_queue_time_seconds`.
  public var queue = Histogram(bounds: Histogram.phaseBounds)
  /// `vllm:request_prefill_time_seconds`.
  public var prefill = Histogram(bounds: Histogram.phaseBounds)
  /// `vllm:request_decode_time_seconds`.
  public var decode = Histogram(bounds: Histogram.phaseBounds)
  /// `vllm:request_inference_time_seconds`.
  public var inference = Histogram(bounds: Histogram.phaseBounds)
  /// `vllm:request_prompt_tokens`.
  public var requestPrompt: Histogram
  /// `vllm:request_generation_tokens`.
  public var requestGeneration: Histogram
  /// `vllm:request_params_max_tokens`.
  public var requestMaxTokens: Histogram
  /// `vllm:request_num_preemptions`.
  public var requestPreemptions = Histogram(bounds: Histogram.preemptionBounds)
  /// `vllm:iteration_tokens_total`: per step, prompt tokens of prefills completed plus tokens generated.
  public var iterationTokens = Histogram(bounds: Histogram.iterationBounds)

  /// Creates empty metrics; token-count histograms get 1-2-5 buckets up to `maxModelLen`, as in vLLM.
  public init(maxModelLen: Int) {
    let tokenBounds = Histogram.oneTwoFive(upTo: maxModelLen)
    requestPrompt = Histogram(bounds: tokenBounds)
    requestGeneration = Histogram(bounds: tokenBounds)
    requestMaxTokens = Histogram(bounds: tokenBounds)
  }
}
