import ProfileMateCore

/// vLLM's perf.py model as the cost model of a log's per-step roofline (``RooflineAnalysis``): a step's
/// requests are rebuilt with tokens and context split evenly, and the KV-cache usage is turned into tokens with
/// the model's KV-cache layout when the block count is known.
public struct PerfStepCostModel: StepCostModel {
  /// The analytic model.
  public let metrics: ModelMetrics
  /// The tensor-core data type of the GEMMs.
  public let computeDtype: String
  /// The KV-cache layout of one GPU, for turning usage into tokens.
  public let kvPlan: KVCachePlan?
  /// Blocks in the KV-cache pool (vLLM's `num_gpu_blocks`), when known.
  public let numBlocks: Int?

  /// Builds the model.
  /// - Parameters:
  ///   - kvPlan: the KV-cache layout; with `numBlocks`, usage is turned into tokens block by block.
  ///   - numBlocks: blocks in the pool, e.g. from the log's available KV memory.
  /// - Throws: ``ConfigError`` for an unknown dtype, KV-cache dtype or quantization, or invalid parallel sizes.
  public init(
    config: ModelConfig, deployment: Deployment, kvPlan: KVCachePlan? = nil, numBlocks: Int? = nil
  ) throws(ConfigError) {
    metrics = try ModelMetrics(config: config, deployment: deployment)
    computeDtype = RooflinePlanner.computeDtype(config: config, deployment: deployment, modelDtype: metrics.dtype)
    self.kvPlan = kvPlan
    self.numBlocks = numBlocks
  }

  public func cost(of step: StepShape) -> StepCost? {
    guard let totals = try? metrics.evaluate(Self.context(step)).totals else { return nil }
    return StepCost(flops: Double(totals.flops), bytes: Double(totals.readBytes + totals.writeBytes))
  }

  public func peakFLOPS(on gpu: GPUSpec) -> Double { gpu.peakFLOPS(dtype: computeDtype) }

  public func kvTokens(usagePct: Double, requests: Int) -> Double? {
    guard let plan = kvPlan, let blocks = numBlocks, requests > 0 else { return nil }
    return plan.residentTokens(usedBlocks: usagePct / 100 * Double(blocks), requests: requests)
  }

  /// The step's requests: each phase's tokens and context split evenly over its requests (the first ones get
  /// the remainder); a decode request with more than one token is billed as prefill, as vLLM does.
  public static func context(_ s: StepShape) -> ExecutionContext {
    var ctx = ExecutionContext()
    func add(requests: Int, tokens: Int, context: Int, prefill: Bool) {
      guard requests > 0 else { return }
      let extra = max(0, context - tokens)
      for i in 0..<requests {
        let n = tokens / requests + (i < tokens % requests ? 1 : 0)
        let c = extra / requests + (i < extra % requests ? 1 : 0)
        if n > 0 { ctx.add(numTokens: n, contextLength: n + c, isPrefill: prefill || n > 1) }
      }
    }
    add(requests: s.prefillRequests, tokens: s.prefillTokens, context: s.prefillContext, prefill: true)
    add(requests: s.decodeRequests, tokens: s.decodeTokens, context: s.decodeContext, prefill: false)
    return ctx
  }
}
