/// Every vLLM Prometheus metric ProfileMate knows (spec §5.3 V1 catalogue and §5.4 V0 names), under one
/// stable key whatever name a given vLLM version exports it as. See ``VLLMCatalogue`` for names and versions.
public enum VLLMMetric: String, Sendable, CaseIterable, Hashable {
  // Scheduler and cache state (gauges).
  case requestsRunning, requestsWaiting, requestsWaitingByReason, requestsSwapped, requestsKVFetchByStage
  case engineSleepState, kvCacheUsage, cpuCacheUsage, gpuPrefixCacheHitRate, cpuPrefixCacheHitRate
  case avgPromptThroughput, avgGenerationThroughput, cacheConfigInfo, loraRequestsInfo
  case specDecodeDraftAcceptanceRate, specDecodeEfficiency
  // Counters.
  case promptTokens, generationTokens, tokens, preemptions, prefixCacheQueries, prefixCacheHits
  case externalPrefixCacheQueries, externalPrefixCacheHits, mmCacheQueries, mmCacheHits
  case requestSuccess, promptTokensBySource, promptTokensCached, promptTokensRecomputed, promptTokensCachedBySource
  case specDecodeDrafts, specDecodeDraftTokens, specDecodeAcceptedTokens, specDecodeAcceptedTokensPerPosition
  case specDecodeEmittedTokens, diffusionDenoisingSteps, diffusionCanvasPositions, diffusionCommittedTokens
  case estimatedFlops, estimatedReadBytes, estimatedWriteBytes, corruptedRequests, watermarkRequests
  case admissionRejections
  // Histograms.
  case iterationTokens, timeToFirstToken, interTokenLatency, requestTimePerOutputToken, e2eLatency
  case queueTime, inferenceTime, prefillTime, decodeTime, requestPromptTokens, requestGenerationTokens
  case requestMaxGenerationTokens, requestParamsN, requestParamsMaxTokens, requestParamsBestOf
  case requestPrefillKVComputedTokens, requestPreemptions, kvBlockLifetime, kvBlockIdleBeforeEvict
  case kvBlockReuseGap, timeInQueueRequests, modelForwardTime, modelExecuteTime
}

extension VLLMMetric {
  // Keys of every snapshot dictionary: compared and hashed by case, not through `rawValue` (the default for
  // an enum with raw values, which hashes the name's bytes).

  /// The case's position in the declaration: a case-less enum of under 256 cases is stored as that byte.
  @inline(__always) var ordinal: UInt8 { withUnsafeBytes(of: self) { $0[0] } }

  /// Equal when the same case.
  public static func == (a: VLLMMetric, b: VLLMMetric) -> Bool { a.ordinal == b.ordinal }

  /// Hashes the case.
  public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }
}
