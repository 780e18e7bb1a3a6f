/// What ProfileMate knows about one vLLM metric: the names it has been exported under, its type, the
/// versions that export it, and whether it was renamed, hidden or removed (spec §5.3, §5.4).
public struct VLLMMetricSpec: Sendable {
  /// The stable key.
  public var metric: VLLMMetric
  /// Exported family names, newest first; the later ones are older spellings of the same quantity. Counters
  /// are given by their wire name (`…_total`), which is the same before and after vLLM 0.9's rename.
  public var names: [String]
  /// Counter, gauge or histogram.
  public var type: MetricType
  /// The label that splits the metric beyond `model_name` / `engine` (`finished_reason`, `reason`, `source`).
  public var dimension: String?
  /// Versions that export it, per name (`v0.9.2 →`, `v0.7.1–v0.11.2`).
  public var versions: String
  /// Renames, hiding and removal, in words.
  public var note: String

  init(
    _ metric: VLLMMetric, _ names: [String], _ type: MetricType, dimension: String? = nil, versions: String,
    note: String = ""
  ) {
    self.metric = metric
    self.names = names
    self.type = type
    self.dimension = dimension
    self.versions = versions
    self.note = note
  }
}

/// The catalogue of vLLM Prometheus metrics, V1 (v0.7.1 → v0.33) and V0 (v0.6.0 – v0.11.0).
public enum VLLMCatalogue {
  /// The spec of `metric`.
  public static func spec(_ metric: VLLMMetric) -> VLLMMetricSpec {
    guard let s = byMetric[metric] else { preconditionFailure("no catalogue entry for \(metric)") }
    return s
  }

  /// The key for an exported family name (any known spelling), if vLLM exports it.
  public static func metric(forName name: String) -> VLLMMetric? {
    byName[name] ?? (name.hasSuffix("_total") ? nil : byName[name + "_total"])
  }

  private static let byMetric: [VLLMMetric: VLLMMetricSpec] = Dictionary(
    uniqueKeysWithValues: all.map { ($0.metric, $0) })
  private static let byName: [String: VLLMMetric] = {
    var out: [String: VLLMMetric] = [:]
    for s in all { for n in s.names where out[n] == nil { out[n] = s.metric } }
    return out
  }()

  /// Every entry.
  public static let all: [VLLMMetricSpec] = [
    // Scheduler and cache state.
    .init(.requestsRunning, ["vllm:num_requests_running"], .gauge, versions: "V0; V1 v0.7.1 →"),
    .init(
      .requestsWaiting, ["vllm:num_requests_waiting"], .gauge, versions: "V0; V1 v0.7.1 →",
      note: "v0.20+: waiting + deferred"),
    .init(
      .requestsWaitingByReason, ["vllm:num_requests_waiting_by_reason"], .gauge, dimension: "reason",
      versions: "v0.20.0 →", note: "reason ∈ capacity, deferred"),
    .init(.requestsSwapped, ["vllm:num_requests_swapped"], .gauge, versions: "V0 ≤ v0.9.0.1"),
    .init(
      .requestsKVFetchByStage, ["vllm:num_requests_kv_fetch_by_stage"], .gauge, dimension: "stage",
      versions: "v0.32.0 →", note: "KV-consumer configs only"),
    .init(.engineSleepState, ["vllm:engine_sleep_state"], .gauge, dimension: "sleep_state", versions: "v0.11.1 →"),
    .init(
      .kvCacheUsage, ["vllm:kv_cache_usage_perc", "vllm:gpu_cache_usage_perc"], .gauge,
      versions: "kv_cache_usage_perc v0.9.2 →; gpu_cache_usage_perc V0 and v0.7.1–v0.11.2",
      note: "a fraction 0–1; gpu_cache_usage_perc hidden v0.11.0–v0.11.2, removed v0.12.0"),
    .init(.cpuCacheUsage, ["vllm:cpu_cache_usage_perc"], .gauge, versions: "V0 ≤ v0.9.0.1"),
    .init(.gpuPrefixCacheHitRate, ["vllm:gpu_prefix_cache_hit_rate"], .gauge, versions: "V0 ≤ v0.9.0.1"),
    .init(.cpuPrefixCacheHitRate, ["vllm:cpu_prefix_cache_hit_rate"], .gauge, versions: "V0 ≤ v0.9.0.1"),
    .init(.avgPromptThroughput, ["vllm:avg_prompt_throughput_toks_per_s"], .gauge, versions: "V0 ≤ v0.6.6.post1"),
    .init(
      .avgGenerationThroughput, ["vllm:avg_generation_throughput_toks_per_s"], .gauge,
      versions: "V0 ≤ v0.6.6.post1"),
    .init(
      .cacheConfigInfo, ["vllm:cache_config_info"], .gauge, versions: "V0; V1 v0.8.0 →",
      note: "value 1; CacheConfig fields as labels"),
    .init(
      .loraRequestsInfo, ["vllm:lora_requests_info"], .gauge, versions: "V0; V1 v0.8.0 →",
      note: "labels max_lora, waiting_lora_adapters, running_lora_adapters only"),
    .init(.specDecodeDraftAcceptanceRate, ["vllm:spec_decode_draft_acceptance_rate"], .gauge, versions: "V0"),
    .init(.specDecodeEfficiency, ["vllm:spec_decode_efficiency"], .gauge, versions: "V0"),
    // Counters (wire names; `vllm:x_total` was registered as `x_total` before v0.9.0 and as `x` after).
    .init(
      .promptTokens, ["vllm:prompt_tokens_total"], .counter, versions: "V0; V1 v0.7.1 →",
      note: "registered as vllm:prompt_tokens from v0.9.0; same wire name"),
    .init(
      .generationTokens, ["vllm:generation_tokens_total"], .counter, versions: "V0; V1 v0.7.1 →",
      note: "registered as vllm:generation_tokens from v0.9.0; same wire name"),
    .init(.tokens, ["vllm:tokens_total"], .counter, versions: "V0 v0.6.4–v0.7.3"),
    .init(
      .preemptions, ["vllm:num_preemptions_total"], .counter, versions: "V0; V1 v0.8.0 →",
      note: "registered as vllm:num_preemptions from v0.9.0; same wire name"),
    .init(
      .prefixCacheQueries, ["vllm:prefix_cache_queries_total", "vllm:gpu_prefix_cache_queries_total"], .counter,
      versions: "prefix_cache_queries v0.9.2 →; gpu_prefix_cache_queries v0.7.3–v0.11.2",
      note: "tokens; the gpu_ name is hidden v0.11.0–v0.11.2 and removed v0.12.0"),
    .init(
      .prefixCacheHits, ["vllm:prefix_cache_hits_total", "vllm:gpu_prefix_cache_hits_total"], .counter,
      versions: "prefix_cache_hits v0.9.2 →; gpu_prefix_cache_hits v0.7.3–v0.11.2",
      note: "tokens; the gpu_ name is hidden v0.11.0–v0.11.2 and removed v0.12.0"),
    .init(
      .externalPrefixCacheQueries, ["vllm:external_prefix_cache_queries_total"], .counter, versions: "v0.11.1 →"),
    .init(.externalPrefixCacheHits, ["vllm:external_prefix_cache_hits_total"], .counter, versions: "v0.11.1 →"),
    .init(.mmCacheQueries, ["vllm:mm_cache_queries_total"], .counter, versions: "v0.11.1 →"),
    .init(.mmCacheHits, ["vllm:mm_cache_hits_total"], .counter, versions: "v0.11.1 →"),
    .init(
      .requestSuccess, ["vllm:request_success_total"], .counter, dimension: "finished_reason",
      versions: "V0; V1 v0.7.2 →", note: "stop, length, abort; + error v0.13.0; + repetition v0.17.0"),
    .init(
      .promptTokensBySource, ["vllm:prompt_tokens_by_source_total"], .counter, dimension: "source",
      versions: "v0.16.0 →"),
    .init(.promptTokensCached, ["vllm:prompt_tokens_cached_total"], .counter, versions: "v0.16.0 →"),
    .init(.promptTokensRecomputed, ["vllm:prompt_tokens_recomputed_total"], .counter, versions: "v0.16.0–v0.19.1"),
    .init(
      .promptTokensCachedBySource, ["vllm:prompt_tokens_cached_by_source_total"], .counter, dimension: "source",
      versions: "v0.32.0 →"),
    .init(.specDecodeDrafts, ["vllm:spec_decode_num_drafts_total"], .counter, versions: "v0.8.3 →"),
    .init(
      .specDecodeDraftTokens, ["vllm:spec_decode_num_draft_tokens_total"], .counter, versions: "V0; V1 v0.8.3 →"),
    .init(
      .specDecodeAcceptedTokens, ["vllm:spec_decode_num_accepted_tokens_total"], .counter,
      versions: "V0; V1 v0.8.3 →"),
    .init(
      .specDecodeAcceptedTokensPerPosition, ["vllm:spec_decode_num_accepted_tokens_per_pos_total"], .counter,
      dimension: "position", versions: "v0.8.5 →"),
    .init(.specDecodeEmittedTokens, ["vllm:spec_decode_num_emitted_tokens_total"], .counter, versions: "V0"),
    .init(.diffusionDenoisingSteps, ["vllm:diffusion_num_denoising_steps_total"], .counter, versions: "v0.24.0 →"),
    .init(
      .diffusionCanvasPositions, ["vllm:diffusion_num_canvas_positions_total"], .counter, versions: "v0.24.0 →"),
    .init(
      .diffusionCommittedTokens, ["vllm:diffusion_num_committed_tokens_total"], .counter, versions: "v0.24.0 →"),
    .init(
      .estimatedFlops, ["vllm:estimated_flops_per_gpu_total"], .counter, versions: "v0.17.0 →",
      note: "--enable-mfu-metrics"),
    .init(
      .estimatedReadBytes, ["vllm:estimated_read_bytes_per_gpu_total"], .counter, versions: "v0.17.0 →",
      note: "--enable-mfu-metrics"),
    .init(
      .estimatedWriteBytes, ["vllm:estimated_write_bytes_per_gpu_total"], .counter, versions: "v0.17.0 →",
      note: "--enable-mfu-metrics"),
    .init(.corruptedRequests, ["vllm:corrupted_requests_total"], .counter, versions: "v0.11.1 →"),
    .init(.watermarkRequests, ["vllm:watermark_requests_total"], .counter, dimension: "status", versions: "v0.32.0 →"),
    .init(
      .admissionRejections, ["vllm:admission_rejections_total"], .counter, dimension: "reason",
      versions: "v0.32.0 →", note: "labels model_name and reason only (no engine)"),
    // Histograms.
    .init(
      .iterationTokens, ["vllm:iteration_tokens_total"], .histogram, versions: "V0; V1 v0.7.3 →",
      note: "a histogram despite the _total: tokens per engine step"),
    .init(.timeToFirstToken, ["vllm:time_to_first_token_seconds"], .histogram, versions: "V0; V1 v0.7.1 →"),
    .init(
      .interTokenLatency, ["vllm:inter_token_latency_seconds", "vllm:time_per_output_token_seconds"], .histogram,
      versions: "inter_token_latency v0.10.2 →; time_per_output_token V0 and v0.7.1–v0.14.1",
      note: "every inter-token gap; the old name is hidden v0.12.0–v0.14.1 and removed v0.16.0"),
    .init(
      .requestTimePerOutputToken, ["vllm:request_time_per_output_token_seconds"], .histogram,
      versions: "v0.11.0 →", note: "per-request mean TPOT"),
    .init(.e2eLatency, ["vllm:e2e_request_latency_seconds"], .histogram, versions: "V0; V1 v0.7.1 →"),
    .init(.queueTime, ["vllm:request_queue_time_seconds"], .histogram, versions: "V0; V1 v0.7.3 →"),
    .init(.inferenceTime, ["vllm:request_inference_time_seconds"], .histogram, versions: "V0; V1 v0.7.3 →"),
    .init(.prefillTime, ["vllm:request_prefill_time_seconds"], .histogram, versions: "V0; V1 v0.7.3 →"),
    .init(.decodeTime, ["vllm:request_decode_time_seconds"], .histogram, versions: "V0; V1 v0.7.3 →"),
    .init(.requestPromptTokens, ["vllm:request_prompt_tokens"], .histogram, versions: "V0; V1 v0.7.1 →"),
    .init(.requestGenerationTokens, ["vllm:request_generation_tokens"], .histogram, versions: "V0; V1 v0.7.1 →"),
    .init(
      .requestMaxGenerationTokens, ["vllm:request_max_num_generation_tokens"], .histogram,
      versions: "V0; V1 v0.8.0 →"),
    .init(.requestParamsN, ["vllm:request_params_n"], .histogram, versions: "V0; V1 v0.8.0 →"),
    .init(.requestParamsMaxTokens, ["vllm:request_params_max_tokens"], .histogram, versions: "V0; V1 v0.8.0 →"),
    .init(.requestParamsBestOf, ["vllm:request_params_best_of"], .histogram, versions: "V0 ≤ v0.6.2"),
    .init(
      .requestPrefillKVComputedTokens, ["vllm:request_prefill_kv_computed_tokens"], .histogram,
      versions: "v0.13.0 →"),
    .init(.requestPreemptions, ["vllm:request_num_preemptions"], .histogram, versions: "v0.30.0 →"),
    .init(
      .kvBlockLifetime, ["vllm:kv_block_lifetime_seconds"], .histogram, versions: "v0.12.0 →",
      note: "--kv-cache-metrics"),
    .init(
      .kvBlockIdleBeforeEvict, ["vllm:kv_block_idle_before_evict_seconds"], .histogram, versions: "v0.12.0 →",
      note: "--kv-cache-metrics"),
    .init(
      .kvBlockReuseGap, ["vllm:kv_block_reuse_gap_seconds"], .histogram, versions: "v0.12.0 →",
      note: "--kv-cache-metrics"),
    .init(.timeInQueueRequests, ["vllm:time_in_queue_requests"], .histogram, versions: "V0"),
    .init(.modelForwardTime, ["vllm:model_forward_time_milliseconds"], .histogram, versions: "V0 ≤ v0.9.0.1"),
    .init(.modelExecuteTime, ["vllm:model_execute_time_milliseconds"], .histogram, versions: "V0 ≤ v0.9.0.1"),
  ]
}
