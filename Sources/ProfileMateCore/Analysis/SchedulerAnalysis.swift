/// Batching, queueing and KV-cache pressure (from periodic stats lines and preemption warnings).
///
/// Figures that need stats lines are nil when the log has none.
public struct SchedulerAnalysis: Sendable, Equatable {
  /// Stats samples read.
  public var samples: Int
  /// Samples logged at DEBUG (idle intervals).
  public var idleSamples: Int
  /// Mean prompt throughput (tokens/s) over samples.
  public var meanPromptThroughput: Double?
  /// Peak prompt throughput.
  public var peakPromptThroughput: Double?
  /// Mean generation throughput (tokens/s).
  public var meanGenerationThroughput: Double?
  /// Peak generation throughput.
  public var peakGenerationThroughput: Double?
  /// Most requests running at once, and the line.
  public var maxRunning: Sourced<Int>?
  /// Most requests waiting, and the line.
  public var maxWaiting: Sourced<Int>?
  /// Share of samples with waiting > 0, in percent.
  public var waitingSharePct: Double?
  /// Mean of waiting ÷ running over samples with running > 0.
  public var meanQueuePressure: Double?
  /// Mean KV-cache usage in percent.
  public var meanKVUsagePct: Double?
  /// Peak KV-cache usage and its line.
  public var maxKVUsagePct: Sourced<Double>?
  /// Mean prefix-cache hit rate in percent over samples that printed one.
  public var meanPrefixCacheHitRatePct: Double?
  /// The last printed prefix-cache hit rate (vLLM's own figure is a sliding window).
  public var lastPrefixCacheHitRatePct: Double?
  /// Preemptions: the sum of the stats lines' `Preemptions:` parts plus, for V0, the highest
  /// cumulative count in preemption warnings; nil when neither source exists.
  public var preemptions: Int?
  /// The first line that reported a preemption.
  public var firstPreemptionLine: LineNumber?
  /// Where ``preemptions`` comes from (`stats lines`, `V0 preemption warnings`, `vllm:num_preemptions_total`);
  /// nil when it is unknown.
  public var preemptionsSource: String?

  /// Analyses samples; nil when there are neither samples nor preemption warnings.
  /// - Parameter preemptionsLogged: whether this vLLM reports preemptions at all (V0 warns on each,
  ///   V1 prints `Preemptions: N` from v0.11.1); when not, and none were seen, the count is unknown (nil).
  public static func analyze(
    _ samples: [StatsSample], v0Preemptions: Int? = nil, firstPreemptionWarning: LineNumber? = nil,
    preemptionsLogged: Bool = true
  ) -> SchedulerAnalysis? {
    guard !samples.isEmpty || v0Preemptions != nil else { return nil }
    var a = SchedulerAnalysis(samples: samples.count, idleSamples: samples.filter(\.isDebug).count)
    var preemptions: Int?
    var firstPreemption: LineNumber?
    if !samples.isEmpty {
      let n = Double(samples.count)
      a.meanPromptThroughput = samples.reduce(0) { $0 + $1.promptThroughput } / n
      a.peakPromptThroughput = samples.map(\.promptThroughput).max()
      a.meanGenerationThroughput = samples.reduce(0) { $0 + $1.generationThroughput } / n
      a.peakGenerationThroughput = samples.map(\.generationThroughput).max()
      var maxRunning = Sourced(samples[0].running, line: samples[0].line)
      var maxWaiting = Sourced(samples[0].waiting, line: samples[0].line)
      var maxKV: Sourced<Double>?
      var kv: [Double] = []
      var hits: [Double] = []
      var pressure: [Double] = []
      var waitingSamples = 0
      var sum = 0
      for s in samples {
        if s.running > maxRunning.value { maxRunning = Sourced(s.running, line: s.line) }
        if s.waiting > maxWaiting.value { maxWaiting = Sourced(s.waiting, line: s.line) }
        if s.waiting > 0 { waitingSamples += 1 }
        if s.running > 0 { pressure.append(Double(s.waiting) / Double(s.running)) }
        if let usage = s.kvUsagePct {
          kv.append(usage)
          if usage > (maxKV?.value ?? -1) { maxKV = Sourced(usage, line: s.line) }
        }
        if let hit = s.prefixCacheHitRatePct { hits.append(hit) }
        if s.preemptions > 0 {
          sum += s.preemptions
          if firstPreemption == nil { firstPreemption = s.line }
        }
      }
      a.maxRunning = maxRunning
      a.maxWaiting = maxWaiting
      a.waitingSharePct = Double(waitingSamples) / n * 100
      a.meanQueuePressure = pressure.isEmpty ? nil : pressure.reduce(0, +) / Double(pressure.count)
      a.meanKVUsagePct = kv.isEmpty ? nil : kv.reduce(0, +) / Double(kv.count)
      a.maxKVUsagePct = maxKV
      a.meanPrefixCacheHitRatePct = hits.isEmpty ? nil : hits.reduce(0, +) / Double(hits.count)
      a.lastPrefixCacheHitRatePct = hits.last
      let logged = preemptionsLogged || sum > 0 || samples.contains { $0.swapped != nil }
      preemptions = logged ? sum : nil
    }
    if let v0 = v0Preemptions {
      preemptions = (preemptions ?? 0) + v0
      firstPreemption = [firstPreemption, firstPreemptionWarning].compactMap { $0 }.min()
    }
    a.preemptions = preemptions
    a.preemptionsSource =
      preemptions == nil
      ? nil
      : v0Preemptions == nil
        ? "stats lines" : samples.isEmpty ? "V0 preemption warnings" : "V0 warnings and stats lines"
    a.firstPreemptionLine = firstPreemption
    return a
  }

  private init(samples: Int, idleSamples: Int) {
    self.samples = samples
    self.idleSamples = idleSamples
  }
}
