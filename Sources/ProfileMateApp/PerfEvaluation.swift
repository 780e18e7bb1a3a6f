import PerfModel

/// `profilemate perf`: vLLM's analytic FLOPs and bytes of one engine step.
public enum PerfEvaluation {
  /// Evaluates `request`.
  /// - Throws: ``AppError``, ``ConfigError`` or ``PerfModelError`` (all exit 2).
  public static func evaluate(_ request: PerfRequest) throws -> PerfReport {
    let r = request
    let config = try ModelConfigInput.load(r.config, tp: r.tensorParallelSize, pp: r.pipelineParallelSize)
    let deployment = Deployment(
      tensorParallelSize: r.tensorParallelSize, pipelineParallelSize: r.pipelineParallelSize,
      dataParallelSize: r.dataParallelSize, enableExpertParallel: r.enableExpertParallel, dtype: r.dtype,
      kvCacheDtype: r.kvCacheDtype, quantization: r.quantization, disableSlidingWindow: r.disableSlidingWindow)
    let metrics = try ModelMetrics(config: config, deployment: deployment)
    var ctx = ExecutionContext()
    for s in r.requests { ctx.add(numTokens: s.tokens, contextLength: s.context, isPrefill: s.isPrefill) }
    return try metrics.evaluate(ctx, perGPU: !r.wholeModel)
  }
}
