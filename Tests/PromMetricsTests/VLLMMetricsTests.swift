import ProfileMateCore
import Testing

@testable import PromMetrics

@Suite struct VLLMMetricsTests {
  /// Two models, model A on two engines; one cache_config_info per engine (no model_name, as vLLM writes
  /// it); admission_rejections without engine.
  static let multi = """
    # TYPE vllm:num_requests_waiting gauge
    vllm:num_requests_waiting{engine="0",model_name="A"} 3.0
    vllm:num_requests_waiting{engine="1",model_name="A"} 5.0
    vllm:num_requests_waiting{engine="0",model_name="B"} 7.0
    # TYPE vllm:request_success_total counter
    vllm:request_success_total{engine="0",finished_reason="stop",model_name="A"} 10.0
    vllm:request_success_total{engine="0",finished_reason="length",model_name="A"} 2.0
    vllm:request_success_total{engine="1",finished_reason="stop",model_name="A"} 4.0
    # TYPE vllm:admission_rejections_total counter
    vllm:admission_rejections_total{model_name="A",reason="max_num_queued_reqs"} 9.0
    # TYPE vllm:cache_config_info gauge
    vllm:cache_config_info{block_size="16",engine="0",num_gpu_blocks="100"} 1.0
    vllm:cache_config_info{block_size="32",engine="1",num_gpu_blocks="50"} 1.0
    """

  @Test func oneSnapshotPerModelAndEngine() throws {
    let snaps = VLLMMetrics.snapshots(ExpositionParser.parse(Self.multi))
    #expect(snaps.map(\.title) == ["A / engine 0", "A / engine 1", "B / engine 0"])
    #expect(snaps.map { $0.value(.requestsWaiting) } == [3, 5, 7])
    #expect(snaps[0].byLabel[.requestSuccess]?.mapValues(\.value) == ["stop": 10, "length": 2])
    #expect(snaps[0].total(.requestSuccess) == 12)
    #expect(snaps[1].total(.requestSuccess) == 4)
    #expect(snaps[2].total(.requestSuccess) == nil)
    // Model-wide metric on both engines of A, not on B.
    #expect(snaps[0].byLabel[.admissionRejections]?["max_num_queued_reqs"]?.value == 9)
    #expect(snaps[1].byLabel[.admissionRejections]?["max_num_queued_reqs"]?.value == 9)
    #expect(snaps[2].byLabel[.admissionRejections] == nil)
    // Engine-wide cache config on every model of that engine.
    #expect(snaps.map { $0.cacheConfig?.kvCapacityTokens } == [1600, 1600, 1600])
    #expect(snaps[1].cacheConfig?.blockSize == 32)
  }

  @Test func olderNamesResolveToTheSameKeys() throws {
    // vLLM ≤ 0.9.1 / V0 spellings, in OpenMetrics form (counter families without _total).
    let e = ExpositionParser.parse(
      """
      # TYPE vllm:gpu_cache_usage_perc gauge
      vllm:gpu_cache_usage_perc{model_name="m"} 0.95
      # TYPE vllm:gpu_prefix_cache_queries counter
      vllm:gpu_prefix_cache_queries_total{model_name="m"} 2000.0
      # TYPE vllm:gpu_prefix_cache_hits counter
      vllm:gpu_prefix_cache_hits_total{model_name="m"} 100.0
      # TYPE vllm:time_per_output_token_seconds histogram
      vllm:time_per_output_token_seconds_bucket{le="0.1",model_name="m"} 4.0
      vllm:time_per_output_token_seconds_bucket{le="+Inf",model_name="m"} 8.0
      vllm:time_per_output_token_seconds_count{model_name="m"} 8.0
      vllm:time_per_output_token_seconds_sum{model_name="m"} 1.0
      # TYPE vllm:num_preemptions counter
      vllm:num_preemptions_total{model_name="m"} 3.0
      # EOF
      """)
    #expect(e.issues.isEmpty)
    let snap = try #require(VLLMMetrics.snapshots(e).first)
    #expect(snap.model == "m" && snap.engine == nil)
    #expect(snap.names[.kvCacheUsage] == "vllm:gpu_cache_usage_perc")
    #expect(snap.names[.interTokenLatency] == "vllm:time_per_output_token_seconds")
    let s = SnapshotAnalysis.summary(snap)
    #expect(s.kvCacheUsagePct == 95)
    #expect(s.prefixCacheHitRatePct == 5)
    #expect(s.preemptions == 3)
    // 8 gaps: rank 4 → bucket (0, 0.1] holding 4: 0.1 × 4/4.
    #expect(s.latency(.interToken)?.p50 == 0.1)
    #expect(s.latency(.interToken)?.mean == 0.125)
    let ids = MetricsFindingRules.evaluate([s], thresholds: MetricsFindingThresholds()).map(\.id)
    #expect(ids == ["preemptions", "kv_pressure", "low_prefix_cache_hits"])
  }

  @Test func newestNameWinsWhenBothAreExported() throws {
    let e = ExpositionParser.parse(
      """
      vllm:kv_cache_usage_perc{engine="0",model_name="m"} 0.5
      vllm:gpu_cache_usage_perc{engine="0",model_name="m"} 0.4
      """)
    let snap = try #require(VLLMMetrics.snapshots(e).first)
    #expect(snap.value(.kvCacheUsage) == 0.5 && snap.names[.kvCacheUsage] == "vllm:kv_cache_usage_perc")
  }

  @Test func metricKeysCompareAndHashByCase() {
    #expect(MemoryLayout<VLLMMetric>.size == 1)
    #expect(VLLMMetric.allCases.map(\.ordinal) == (0..<VLLMMetric.allCases.count).map(UInt8.init))
    for a in VLLMMetric.allCases {
      for b in VLLMMetric.allCases { #expect((a == b) == (a.rawValue == b.rawValue)) }
    }
    let byKey = Dictionary(uniqueKeysWithValues: VLLMMetric.allCases.map { ($0, $0.rawValue) })
    #expect(VLLMMetric.allCases.allSatisfy { byKey[$0] == $0.rawValue })
  }

  @Test func catalogueKnowsEveryNameOnce() {
    var seen: Set<String> = []
    for s in VLLMCatalogue.all { for n in s.names { #expect(seen.insert(n).inserted) } }
    #expect(Set(VLLMCatalogue.all.map(\.metric)).count == VLLMMetric.allCases.count)
    #expect(VLLMCatalogue.metric(forName: "vllm:prompt_tokens") == .promptTokens)
    #expect(VLLMCatalogue.metric(forName: "vllm:gpu_prefix_cache_hits_total") == .prefixCacheHits)
    #expect(VLLMCatalogue.spec(.interTokenLatency).note.contains("removed v0.16.0"))
  }

  @Test func counterResetsInAWindow() throws {
    let before = ExpositionParser.parse(
      """
      # TYPE vllm:prompt_tokens_total counter
      vllm:prompt_tokens_total{engine="0",model_name="m"} 1000.0
      # TYPE vllm:prompt_tokens_created gauge
      vllm:prompt_tokens_created{engine="0",model_name="m"} 100.0
      # TYPE vllm:generation_tokens_total counter
      vllm:generation_tokens_total{engine="0",model_name="m"} 500.0
      # TYPE vllm:e2e_request_latency_seconds histogram
      vllm:e2e_request_latency_seconds_bucket{engine="0",le="1.0",model_name="m"} 10.0
      vllm:e2e_request_latency_seconds_bucket{engine="0",le="+Inf",model_name="m"} 20.0
      vllm:e2e_request_latency_seconds_count{engine="0",model_name="m"} 20.0
      vllm:e2e_request_latency_seconds_sum{engine="0",model_name="m"} 30.0
      """)
    let after = ExpositionParser.parse(
      """
      # TYPE vllm:prompt_tokens_total counter
      vllm:prompt_tokens_total{engine="0",model_name="m"} 1200.0
      # TYPE vllm:prompt_tokens_created gauge
      vllm:prompt_tokens_created{engine="0",model_name="m"} 200.0
      # TYPE vllm:generation_tokens_total counter
      vllm:generation_tokens_total{engine="0",model_name="m"} 50.0
      # TYPE vllm:e2e_request_latency_seconds histogram
      vllm:e2e_request_latency_seconds_bucket{engine="0",le="1.0",model_name="m"} 4.0
      vllm:e2e_request_latency_seconds_bucket{engine="0",le="+Inf",model_name="m"} 24.0
      vllm:e2e_request_latency_seconds_count{engine="0",model_name="m"} 24.0
      vllm:e2e_request_latency_seconds_sum{engine="0",model_name="m"} 40.0
      """)
    let w = WindowAnalysis(before: before, after: after, seconds: 10)
    let s = try #require(w.engines.first)
    // _created moved: restarted, so the increase is the whole new value even though it grew.
    #expect(s.promptTokens == 1200)
    // Went down: reset, increase = new value.
    #expect(s.generationTokens == 50 && s.rates?.generationTokensPerSecond == 5)
    #expect(s.resetCounters == ["vllm:prompt_tokens_total", "vllm:generation_tokens_total"])
    // Per series, as increase() on each bucket: le=1 went 10 → 4 (reset, 4); +Inf 20 → 24 (4).
    // Buckets (1, 4), (+Inf, 4): rank 2 → 0 + 1 × 2/4.
    let e2e = try #require(s.latency(.e2e))
    #expect(e2e.count == 4 && e2e.sum == 10 && e2e.p50 == 0.5)
  }

  @Test func engineAppearingInsideTheWindowIsNew() throws {
    let before = ExpositionParser.parse("vllm:num_requests_running{engine=\"0\",model_name=\"m\"} 1")
    let after = ExpositionParser.parse(
      """
      vllm:num_requests_running{engine="0",model_name="m"} 1
      vllm:num_requests_running{engine="1",model_name="m"} 2
      """)
    let w = WindowAnalysis(before: before, after: after, seconds: 2)
    #expect(w.engines.count == 2 && w.newEngines == ["m / engine 1"])
  }
}
