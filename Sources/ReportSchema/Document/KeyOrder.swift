import ProfileMateCore

/// The key orders of the report's maps (docs/report-schema.md, "Member order").
public enum KeyOrder {
  /// Keys in `String` order: `non_default_args`, `component_metrics`, `steps_by_mode`,
  /// `padding_tokens_by_mode`, `http_by_status`, `coverage.by_kind`.
  public enum Lexical: MapKeyOrder {
    public static var knownKeys: [String] { [] }
  }

  /// Step kinds in ``StepKind`` order (`prefill`, `decode`, `mixed`, `idle`): `steps.by_kind`,
  /// `time_estimate.fits`.
  public enum StepKinds: MapKeyOrder {
    public static var knownKeys: [String] { StepKind.allCases.map(\.rawValue) }
  }

  /// Runtime modes from the most graphed (`FULL`, `PIECEWISE`, `NONE`): `by_runtime_mode`.
  public enum RuntimeModes: MapKeyOrder {
    public static var knownKeys: [String] { CudaGraphRuntimeMode.allCases.sorted(by: >).map(\.rawValue) }
  }

  /// Step classes in dispatch order (`uniform_decode`, `decode`, `mixed`, `prefill`): `by_step_class`.
  public enum StepClasses: MapKeyOrder {
    public static var knownKeys: [String] { CudaGraphStepClass.allCases.sorted().map(\.rawValue) }
  }

  /// Benchmark latency metrics in vLLM's order (`ttft`, `tpot`, `itl`, `e2el`): `benchmark.latency_ms`.
  public enum LatencyMetrics: MapKeyOrder {
    public static var knownKeys: [String] { BenchmarkFigures.metrics }
  }

  /// Percentile keys (`p50`, `p99.9`, …) by their number: `latency_ms.M.percentiles`.
  public enum Percentiles: MapKeyOrder {
    public static var knownKeys: [String] { [] }

    public static func tail(_ a: String, _ b: String) -> Bool {
      switch (Double(a.dropFirst()), Double(b.dropFirst())) {
      case (let x?, let y?) where x != y: return x < y
      case (.some, nil): return true
      case (nil, .some): return false
      default: return a < b
      }
    }
  }
}
