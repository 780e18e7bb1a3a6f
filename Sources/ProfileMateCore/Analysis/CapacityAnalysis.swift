/// KV-cache capacity against what the run used.
public struct CapacityAnalysis: Sendable, Equatable {
  /// KV-cache capacity in tokens.
  public var kvCacheTokens: Sourced<Int>?
  /// The configured max_model_len.
  public var maxModelLen: Sourced<Int>?
  /// Concurrency at max_model_len: as logged, else capacity ÷ max_model_len.
  public var maxConcurrency: Double?
  /// Whether ``maxConcurrency`` was printed by vLLM (true) or computed here (false).
  public var maxConcurrencyLogged: Bool
  /// The highest KV-cache usage observed, in percent (stats lines or iteration suffixes).
  public var peakKVUsagePct: Sourced<Double>?
  /// Tokens in the KV cache at the peak: usage × capacity.
  public var peakKVTokens: Int?
  /// Most requests running at once.
  public var maxRunning: Int?

  /// Combines the configuration and the observed peaks.
  public static func analyze(
    config: EngineConfig, scheduler: SchedulerAnalysis?, steps: [EngineTrace]
  )
    -> CapacityAnalysis?
  {
    var peak = scheduler?.maxKVUsagePct
    for trace in steps {
      if let kv = trace.maxStepKVUsagePct, kv.value > (peak?.value ?? -1) { peak = kv }
    }
    guard config.kvCacheTokens != nil || config.maxConcurrency != nil || peak != nil else { return nil }
    var concurrency = config.maxConcurrency?.value
    var logged = concurrency != nil
    if concurrency == nil, let tokens = config.kvCacheTokens?.value, let len = config.maxModelLen?.value, len > 0 {
      concurrency = Double(tokens) / Double(len)
      logged = false
    }
    return CapacityAnalysis(
      kvCacheTokens: config.kvCacheTokens, maxModelLen: config.maxModelLen, maxConcurrency: concurrency,
      maxConcurrencyLogged: logged, peakKVUsagePct: peak,
      peakKVTokens: peak.flatMap { p in
        config.kvCacheTokens.flatMap { Int(exactly: (Double($0.value) * p.value / 100).rounded()) }
      },
      maxRunning: scheduler?.maxRunning?.value)
  }
}
