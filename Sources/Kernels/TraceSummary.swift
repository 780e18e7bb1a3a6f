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
}

/// The batch shape vLLM writes into its per-step annotation: `execute_context_<reqs>(<tokens>)_generation_<reqs>(<tokens>)`.
public struct VLLMStepShape: Sendable, Equatable {
  /// Requests in prefill (context) phase.
  public var contextRequests: Int
  /// Their tokens.
  public var contextTokens: Int
  /// Requests in decode (generation) phase.
  public var generationRequests: Int
  /// Their tokens.
  public var generationTokens: Int

  /// Parses a label; nil when it has another form.
  public init?(label: String) {
    let parts = label.split(separator: "_")
    // execute, context, A(B), generation, C(D)
    guard parts.count == 5, parts[0] == "execute", parts[1] == "context", parts[3] == "generation" else { return nil }
    func pair(_ s: Substring) -> (Int, Int)? {
      guard let open = s.firstIndex(of: "("), s.last == ")", let a = Int(s[..<open]),
        let b = Int(s[s.index(after: open)..<s.index(before: s.endIndex)])
      else { return nil }
      return (a, b)
    }
    guard let (a, b) = pair(parts[2]), let (c, d) = pair(parts[4]) else { return nil }
    contextRequests = a
    contextTokens = b
    generationRequests = c
    generationTokens = d
  }
}

/// What a torch-profiler trace says: operators, steps, CPU against device time.
public struct TraceSummary: Sendable, Equatable {
  /// Trace events read (every phase).
  public var events: Int
  /// Complete (`X`) events of the categories the breakdown uses.
  public var kept: Int
  /// Bytes of JSON read.
  public var bytes: Int
  /// The vLLM version the trace names (`vllm_version`), when it names one.
  public var vllmVersion: String?
  /// From the first event's start to the last one's end, ns.
  public var spanNS: Int64
  /// Top-level operator time on all CPU threads, ns.
  public var cpuOpNS: Int64
  /// Kernel, copy and set time on devices, ns.
  public var deviceNS: Int64
  /// Device events.
  public var deviceEvents: Int
  /// Operators by self time, longest first.
  public var ops: [TraceOpSummary]
  /// `ProfilerStep#N` ranges in order.
  public var steps: [TraceStep]
  /// Events of other categories (`python_function`, `cuda_runtime`, …): category → count.
  public var otherCategories: [String: Int]
}
