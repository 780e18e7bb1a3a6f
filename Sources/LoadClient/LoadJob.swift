import LoadGen

/// A whole `profilemate load` run from its options: workload, arrival schedule, the run, the report.
public struct LoadJob: Sendable {
  /// `--base-url` split into host and port.
  public var host = "127.0.0.1"
  /// Port.
  public var port = 8000
  /// The settings written to the result.
  public var settings = LoadSettings()
  /// `--random-input-len`.
  public var inputLen = 1024
  /// `--random-output-len`.
  public var outputLen = 128
  /// `--random-range-ratio`.
  public var rangeRatio = 0.0
  /// `--random-prefix-len`.
  public var prefixLen = 0
  /// Token ids are drawn below this.
  public var vocabSize = 8192
  /// `--seed`.
  public var seed: UInt64 = 0
  /// `--ignore-eos`.
  public var ignoreEOS = false
  /// `--header KEY=VALUE`.
  public var headers: [(name: String, value: String)] = []
  /// `--timeout`.
  public var timeout = 3600.0
  /// `--trace`: requests and due times replacing the random dataset and the arrival process.
  public var trace: (requests: [WorkloadRequest], offsets: [Double])?

  /// Creates the defaults.
  public init() {}

  /// The first option that cannot work, as a one-line message; nil when all are usable.
  public var problem: String? {
    let s = settings
    if s.numPrompts < 1 || s.numPrompts > 10_000_000 { return "--num-prompts must be 1…10000000" }
    if !(s.requestRate > 0) { return "--request-rate must be a positive number or inf" }
    if !(s.burstiness.isFinite && s.burstiness > 0 && s.burstiness <= 1000) {
      return "--burstiness must be in (0, 1000]"
    }
    if let c = s.maxConcurrency, c < 1 || c > 1_000_000 { return "--max-concurrency must be 1…1000000" }
    if inputLen < 1 || inputLen > 10_000_000 { return "--random-input-len must be 1…10000000" }
    if outputLen < 1 || outputLen > 10_000_000 { return "--random-output-len must be 1…10000000" }
    if !(rangeRatio >= 0 && rangeRatio < 1) { return "--random-range-ratio must be in [0, 1)" }
    if prefixLen < 0 || prefixLen > 10_000_000 { return "--random-prefix-len must be 0…10000000" }
    if vocabSize < 5 || vocabSize > 100_000_000 { return "--vocab-size must be 5…100000000" }
    if !(timeout > 0 && timeout <= 1e7) { return "--timeout must be a positive number of seconds" }
    for m in s.percentileMetrics where !["ttft", "tpot", "itl", "e2el"].contains(m) {
      return "--percentile-metrics: unknown metric '\(m)' (ttft, tpot, itl, e2el)"
    }
    for p in s.metricPercentiles where !(p >= 0 && p <= 100) { return "--metric-percentiles must be 0…100" }
    return nil
  }

  /// Builds the workload and schedule, runs them, and evaluates the run.
  /// - Throws: ``LoadError`` for unusable options or a client that cannot run.
  public func run(progress: (@Sendable (LoadRunner.Progress) -> Void)? = nil) async throws(LoadError) -> BenchReport {
    if let problem { throw LoadError(problem) }
    let chat = settings.endpoint.hasSuffix("/chat/completions")
    var random = SeededRandom(seed: seed)
    var requests: [WorkloadRequest]
    var offsets: [Double]
    if let trace {
      (requests, offsets) = trace
    } else {
      requests = RandomDataset.make(
        count: settings.numPrompts, inputLen: inputLen, outputLen: outputLen, rangeRatio: rangeRatio,
        prefixLen: prefixLen, vocabSize: vocabSize, chat: chat, random: &random)
      offsets = ArrivalSchedule.offsets(
        count: requests.count, rate: settings.requestRate, burstiness: settings.burstiness, random: &random)
    }
    let plan = LoadPlan(
      host: host, port: port, endpoint: settings.endpoint, model: settings.model, requests: requests, offsets: offsets,
      maxConcurrency: settings.maxConcurrency, ignoreEOS: ignoreEOS, headers: headers, timeout: timeout)
    let result = try await LoadRunner.run(plan, progress: progress)
    let check = SelfCheck(
      records: result.records, requestedRate: settings.requestRate, maxConcurrency: settings.maxConcurrency,
      cpuSeconds: result.cpuSeconds, wallSeconds: result.end - result.start)
    return BenchReport(
      settings: settings, records: result.records, startTime: result.start, endTime: result.end, selfCheck: check)
  }
}
