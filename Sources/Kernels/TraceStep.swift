import ProfileMateCore

/// One `ProfilerStep#N` range: what the CPU did in it, and the device work that started in it.
public struct TraceStep: Sendable, Equatable {
  /// N of `ProfilerStep#N`.
  public var number: Int
  /// Start on the trace's clock, ns.
  public var startNS: Int64
  /// Length, ns.
  public var durationNS: Int64
  /// The labels of the annotations inside it (vLLM's `execute_context_1(23)_generation_0(0)`).
  public var labels: [String]
  /// vLLM's batch shape from its label, when the label has the `execute_context_…_generation_…` form.
  public var shape: VLLMStepShape?
  /// Top-level operator calls in the step (on the step's thread).
  public var opCalls: Int
  /// Time of those calls, ns.
  public var cpuOpNS: Int64
  /// Step time outside any top-level operator, ns (Python and scheduling work between ops).
  public var gapNS: Int64 { max(0, durationNS - cpuOpNS) }
  /// Top-level operators by name in this step, longest first (at most 10).
  public var ops: [TraceOpSummary]
  /// Device kernels, copies and sets that started in the step, and their time, ns.
  public var deviceEvents: Int
  /// Their time, ns.
  public var deviceNS: Int64
  /// The analytic model's FLOPs and bytes for the step's batch (`--model`), when the label gave its shape.
  public var model: StepCost?
}
