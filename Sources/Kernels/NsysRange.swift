/// One NVTX range name of `nsys stats --report nvtx_sum` (vLLM's `VLLM_NVTX_SCOPES_FOR_PROFILING` ranges).
public struct NsysRange: Sendable, Equatable {
  /// The range's name as printed (`:execute_model`, `step_0`).
  public var name: String
  /// `PushPop` or `StartEnd`.
  public var style: String
  /// Times the range was entered.
  public var instances: Int
  /// Total time inside it, ns.
  public var totalNS: Double
  /// The shortest and longest instance, ns.
  public var minNS: Double?
  /// The longest instance, ns.
  public var maxNS: Double?
}
