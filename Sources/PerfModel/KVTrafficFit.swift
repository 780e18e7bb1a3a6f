/// Observed KV-cache traffic against the pool that served it: the peak actually used, the pool that would have
/// sufficed with headroom, and the `gpu_memory_utilization` and `max_model_len` that pool allows.
public struct KVTrafficFit: Sendable, Hashable {
  /// Blocks in the pool that served the run.
  public var poolBlocks: Int
  /// The highest KV-cache usage observed, in percent.
  public var peakUsagePct: Double
  /// The most requests running at once.
  public var peakRunning: Int
  /// Blocks in use at the peak.
  public var peakBlocks: Int
  /// Tokens of context resident at the peak, from the KV layout (an estimate: equal-length requests).
  public var peakTokens: Double?
  /// The headroom fraction added to the peak.
  public var headroom: Double
  /// Blocks that would have sufficed: the peak plus headroom.
  public var neededBlocks: Int
  /// Bytes of KV cache per GPU those blocks take.
  public var neededBytes: Int
  /// The longest `max_model_len` the smaller pool can start with (one request of it must fit).
  public var maxModelLenOneRequest: Int
  /// The longest `max_model_len` at which the smaller pool still holds `peakRunning` requests of that length.
  public var maxModelLenAtPeakConcurrency: Int

  /// Fits the observed peak.
  /// - Parameters:
  ///   - plan: the KV layout of one GPU.
  ///   - poolBlocks: blocks in the pool (e.g. from the log's available KV memory).
  ///   - peakUsagePct: the highest usage seen (stats lines or step lines).
  ///   - peakRunning: the most requests running at once (at least 1 is assumed).
  ///   - headroom: fraction added to the peak (0.2 = 20 %).
  public init(plan: KVCachePlan, poolBlocks: Int, peakUsagePct: Double, peakRunning: Int, headroom: Double) {
    self.poolBlocks = poolBlocks
    self.peakUsagePct = peakUsagePct
    self.peakRunning = max(1, peakRunning)
    self.headroom = headroom
    let used = peakUsagePct / 100 * Double(poolBlocks)
    peakBlocks = Int(saturating: used.rounded(.up))
    peakTokens = plan.residentTokens(usedBlocks: used, requests: max(1, peakRunning))
    neededBlocks = Int(saturating: (used * (1 + headroom)).rounded(.up))
    neededBytes = neededBlocks * plan.pageBytes * plan.groupSize
    maxModelLenOneRequest = plan.largestModelLen(numBlocks: neededBlocks, requests: 1)
    maxModelLenAtPeakConcurrency = plan.largestModelLen(numBlocks: neededBlocks, requests: max(1, peakRunning))
  }

  /// The `gpu_memory_utilization` whose budget holds ``neededBytes``, keeping the run's non-KV memory
  /// (`utilization × memory − available KV bytes`: weights, activations, graphs).
  /// - Parameters:
  ///   - memoryBytes: the GPU's memory.
  ///   - runUtilization: the run's `gpu_memory_utilization`.
  ///   - availableBytes: the KV memory the run had.
  public func utilization(memoryBytes: Double, runUtilization: Double, availableBytes: Double) -> Double {
    let nonKV = runUtilization * memoryBytes - availableBytes
    return (nonKV + Double(neededBytes)) / memoryBytes
  }
}

extension KVCachePlan {
  /// The longest length (a multiple of the block size) such that `requests` requests of it fit in `numBlocks`
  /// blocks; 0 when not even one block per request fits.
  public func largestModelLen(numBlocks: Int, requests: Int) -> Int {
    guard requests > 0, numBlocks > 0 else { return 0 }
    var low = 0
    var high = 1
    while requests * blocksPerRequest(maxModelLen: high * blockSize) <= numBlocks && high < 1 << 26 { high *= 2 }
    // Invariant: `low` blocks fit (0 trivially), `high` blocks do not (or the search cap).
    while high - low > 1 {
      let mid = (low + high) / 2
      if requests * blocksPerRequest(maxModelLen: mid * blockSize) <= numBlocks { low = mid } else { high = mid }
    }
    return low * blockSize
  }
}
