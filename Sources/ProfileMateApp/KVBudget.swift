import PerfModel
import ProfileMateCore
import Render

/// The KV budget arithmetic of `profilemate kv`: which budget applies (given, logged, or datasheet memory ×
/// utilisation − weights − overhead), the blocks it holds, the capacity per context length and, with a log, the
/// run's peak against what would have sufficed.
public enum KVBudget {
  /// Bytes per GiB.
  static let gib = 1_073_741_824.0

  /// Plans `request`.
  /// - Throws: ``AppError``, ``ConfigError`` and the log's read errors (all exit 2).
  public static func plan(_ request: KVPlanRequest) throws -> KVPlanSummary {
    let r = request
    let model = try ModelConfigInput.load(r.config, tp: r.tp, pp: r.pp)
    let deployment = Deployment(
      tensorParallelSize: r.tp, pipelineParallelSize: r.pp, dtype: r.dtype, kvCacheDtype: r.kvCacheDtype)
    let plan = try KVCachePlan(
      config: model, deployment: deployment, blockSize: r.blockSize, maxNumBatchedTokens: r.maxNumBatchedTokens)
    let weights = try WeightEstimate(config: model, deployment: deployment)
    let lengths = try contextLengths(r, model)
    let run = try r.log.map { try RunInput.read(path: $0, command: "kv --log").model }
    let loggedGiB = r.kvCacheMemoryBytes == nil && r.availableKVGiB == nil ? run?.config.availableKVCacheGiB : nil
    let available: Int
    let budget: KVPlanSummary.Budget
    if let bytes = r.kvCacheMemoryBytes {
      available = bytes
      budget = .givenBytes(bytes)
    } else if let g = r.availableKVGiB {
      available = Int(saturating: g * gib)
      budget = .givenGiB(g)
    } else if let g = loggedGiB {
      available = max(0, Int(saturating: g.value * gib))
      budget = .logged(gib: g.value, line: g.line)
    } else if let spec = r.gpu.flatMap(GPUCatalog.lookup) {
      let memory = spec.memoryBytes
      let requested = (memory * r.gpuMemoryUtilization).rounded(.up)
      available = max(0, Int(saturating: requested - weights.totalBytes - r.overheadGiB * gib))
      budget = .datasheet(
        gpu: spec.name, memoryBytes: memory, utilization: r.gpuMemoryUtilization, requestedBytes: requested,
        overheadGiB: r.overheadGiB)
    } else if let gpu = r.gpu {
      throw AppError("unknown GPU '\(gpu)'; `profilemate gpus` lists the known ones.")
    } else {
      throw AppError("\(r.log ?? "the log"): no \"Available KV cache memory\" line; give --gpu or a budget")
    }
    let blocks = plan.numBlocks(availableBytes: available)
    let rule: KVCachePlan.TokenRule = r.v020TokenRule ? .blocksPerGroup : .concurrencyTimesLength
    let rows = lengths.map { len in
      let c = plan.maxConcurrency(numBlocks: blocks, maxModelLen: len)
      return KVPlanSummary.Row(
        maxModelLen: len, blocksPerRequest: plan.blocksPerRequest(maxModelLen: len), concurrency: c,
        capacityTokens: plan.capacityTokens(numBlocks: blocks, maxModelLen: len, rule: rule),
        capped: r.maxNumSeqs.map { min(c, Double($0)) })
    }
    let observed = run.map { observe($0, r, model: model, plan: plan, blocks: blocks, available: available) }
    return KVPlanSummary(
      config: r.config, tp: r.tp, pp: r.pp, plan: plan, weights: weights, budget: budget, availableBytes: available,
      blocks: blocks, rows: rows, hasMaxNumSeqs: r.maxNumSeqs != nil,
      cannotHoldOneRequest: blocks == 0 || rows.contains { $0.concurrency < 1 }, observed: observed)
  }

  /// The run's peak KV use against the pool, and what would have sufficed.
  static func observe(
    _ run: RunModel, _ r: KVPlanRequest, model: ModelConfig, plan: KVCachePlan, blocks: Int, available: Int
  ) -> KVPlanSummary.Observed {
    let c = run.config
    var o = KVPlanSummary.Observed(source: r.log ?? "the log")
    o.vllmTokens = c.kvCacheTokens.map { ($0.value, $0.line) }
    if let x = c.maxConcurrency, let len = c.maxConcurrencyTokens { o.vllmConcurrency = (x.value, len.value) }
    o.maxPositionEmbeddings = model.maxPositionEmbeddings
    o.runMaxModelLen = c.maxModelLen?.value
    let stats = run.engines.flatMap(\.stats) + run.aggregatedStats
    let stepPeak = run.engines.compactMap { $0.maxStepKVUsagePct?.value }.max()
    guard let peak = (stats.compactMap(\.kvUsagePct) + [stepPeak].compactMap { $0 }).max() else { return o }
    let running = stats.map(\.running).max() ?? 1
    let fit = KVTrafficFit(
      plan: plan, poolBlocks: blocks, peakUsagePct: peak, peakRunning: running, headroom: r.headroom)
    o.fit = fit
    if let spec = r.gpu.flatMap(GPUCatalog.lookup) {
      let runUtil = c.gpuMemoryUtilization?.value ?? r.gpuMemoryUtilization
      let u = fit.utilization(memoryBytes: spec.memoryBytes, runUtilization: runUtil, availableBytes: Double(available))
      o.utilization = (u, spec.name, runUtil, c.gpuMemoryUtilization == nil)
    }
    return o
  }

  /// The lengths asked for, else the config's max_position_embeddings.
  static func contextLengths(_ r: KVPlanRequest, _ model: ModelConfig) throws -> [Int] {
    if let lengths = r.maxModelLens {
      guard !lengths.isEmpty, lengths.allSatisfy({ $0 > 0 && $0 <= KVPlanRequest.maxLength }) else {
        throw AppError("--max-model-len: expected integers from 1 to 1,073,741,824 separated by commas")
      }
      return lengths
    }
    guard let m = model.maxPositionEmbeddings else {
      throw AppError("\(r.config): no max_position_embeddings; give --max-model-len")
    }
    guard m > 0 && m <= KVPlanRequest.maxLength else {
      throw AppError(
        "\(r.config): max_position_embeddings \(m) is not between 1 and 1,073,741,824; give --max-model-len")
    }
    return [m]
  }
}
