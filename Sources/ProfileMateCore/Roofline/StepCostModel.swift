/// One GPU's work and traffic for a step.
public struct StepCost: Sendable, Hashable {
  /// Floating-point operations.
  public var flops: Double
  /// Bytes read from and written to device memory.
  public var bytes: Double

  /// Creates a cost.
  public init(flops: Double, bytes: Double) {
    self.flops = flops
    self.bytes = bytes
  }
}

/// An analytic model of what a step costs, for the per-step roofline of a log (``RooflineAnalysis``).
///
/// The analysis core knows nothing of models; the `PerfModel` target implements this with vLLM's perf.py
/// formulas for a Hugging Face config.
public protocol StepCostModel: Sendable {
  /// The FLOPs and bytes of one GPU for `step`, or nil when the model cannot evaluate it.
  func cost(of step: StepShape) -> StepCost?

  /// The peak dense FLOP/s of `gpu` that applies to the model's matrix multiplications.
  func peakFLOPS(on gpu: GPUSpec) -> Double

  /// Tokens of context the KV cache holds at `usagePct` percent usage with `requests` requests resident, or
  /// nil to use usage × the logged capacity.
  func kvTokens(usagePct: Double, requests: Int) -> Double?
}
