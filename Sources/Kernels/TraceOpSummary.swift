/// One operator name's figures in a torch-profiler trace.
public struct TraceOpSummary: Sendable, Equatable {
  /// The operator (`aten::mm`, `_C::onednn_mm`, `vllm::unified_attention_with_output`).
  public var name: String
  /// Calls, at any depth.
  public var calls: Int
  /// Time inside the operator minus the time of events nested directly in it, ns (torch's "Self CPU").
  public var selfNS: Int64
  /// Calls that are not nested inside another operator.
  public var topLevelCalls: Int
  /// Time of those top-level calls, ns.
  public var topLevelNS: Int64
}
