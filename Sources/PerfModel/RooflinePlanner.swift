import ProfileMateCore

/// The roofline of a served model on one GPU: vLLM's perf.py FLOPs and bytes for a step (one GPU's share,
/// ProfileMate's corrected totals) against the GPU's datasheet peaks from ``GPUCatalog``.
public struct RooflinePlanner: Sendable {
  /// The analytic model.
  public let metrics: ModelMetrics
  /// The GPU.
  public let gpu: GPUSpec
  /// The data type whose tensor-core peak bounds the matrix multiplications (`bfloat16`, `fp8`, …).
  public let computeDtype: String

  /// Builds the model of `config` served as `deployment` on `gpu`.
  /// - Throws: ``ConfigError`` for an unknown dtype, KV-cache dtype or quantization, or invalid parallel sizes.
  public init(config: ModelConfig, deployment: Deployment, gpu: GPUSpec) throws(ConfigError) {
    metrics = try ModelMetrics(config: config, deployment: deployment)
    self.gpu = gpu
    computeDtype = Self.computeDtype(config: config, deployment: deployment, modelDtype: metrics.dtype)
  }

  /// The tensor-core data type of the model's GEMMs: `fp8` for FP8 checkpoints (W8A8), else the model dtype.
  /// Weight-only 4-bit formats (MXFP4, AWQ, GPTQ, …) compute in the model dtype on Hopper and older parts.
  public static func computeDtype(config: ModelConfig, deployment: Deployment, modelDtype: String) -> String {
    let method = (deployment.quantization ?? config.quantization?.method ?? "").lowercased()
    return method.contains("fp8") ? "fp8" : modelDtype
  }

  /// The GPU's peak dense FLOP/s for ``computeDtype``.
  public var peakFLOPS: Double { gpu.peakFLOPS(dtype: computeDtype) }

  /// The roofline point of one step.
  /// - Throws: ``PerfModelError`` when a term overflows.
  public func point(_ ctx: ExecutionContext) throws(PerfModelError) -> RooflinePoint {
    let t = try metrics.evaluate(ctx).totals
    return RooflinePoint(
      flops: Double(t.flops), bytes: Double(t.readBytes + t.writeBytes), tokens: ctx.totalNumTokens,
      peakFLOPS: peakFLOPS, bandwidth: gpu.memoryBandwidth)
  }

  /// A decode step of `batch` requests, one token each, every request attending to `context` tokens.
  public func decode(batch: Int, context: Int) throws(PerfModelError) -> RooflinePoint {
    try point(Self.uniform(batch: batch, tokens: 1, context: context, isPrefill: false))
  }

  /// A prefill step of `batch` requests of `tokens` new tokens each after `cached` tokens already computed.
  public func prefill(batch: Int, tokens: Int, cached: Int = 0) throws(PerfModelError) -> RooflinePoint {
    try point(Self.uniform(batch: batch, tokens: tokens, context: cached + tokens, isPrefill: true))
  }

  /// The smallest decode batch at `context` whose compute-time bound reaches its memory-time bound, or nil
  /// when none up to `limit` does (attention's KV reads grow with the batch, so long contexts may never turn
  /// compute-bound). Assumes the bound turns at most once, from memory to compute, as the batch grows.
  public func crossoverBatch(context: Int, limit: Int = 65_536) throws(PerfModelError) -> Int? {
    var low = 0  // largest batch known to be memory-bound
    var high = 1
    while try decode(batch: high, context: context).bound == .memory {
      low = high
      if high >= limit { return nil }
      high = min(limit, high * 2)
    }
    while high - low > 1 {
      let mid = (low + high) / 2
      if try decode(batch: mid, context: context).bound == .memory { low = mid } else { high = mid }
    }
    return high
  }

  /// `batch` identical requests.
  static func uniform(batch: Int, tokens: Int, context: Int, isPrefill: Bool) -> ExecutionContext {
    var ctx = ExecutionContext()
    for _ in 0..<batch { ctx.add(numTokens: tokens, contextLength: context, isPrefill: isPrefill) }
    return ctx
  }
}
