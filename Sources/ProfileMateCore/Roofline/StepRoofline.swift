/// One logged step against the roofline: its shape (with the estimated context), the bounds for it, the
/// measured time and the resulting classification.
public struct StepRoofline: Sendable, Hashable {
  /// How a step is classified.
  public enum Classification: String, Sendable, Hashable, CaseIterable {
    /// Within the overhead factor of its bound, and that bound is compute.
    case computeBound = "compute-bound"
    /// Within the overhead factor of its bound, and that bound is memory bandwidth.
    case memoryBound = "memory-bound"
    /// Measured far above both bounds: CPU work, scheduling, kernel-launch gaps, missing CUDA graphs,
    /// communication (none of which the analytic model counts).
    case overheadBound = "overhead-bound"

    /// Classifies measured seconds against a roofline point.
    /// - Parameter overheadFactor: measured ÷ attainable at or above which the step is overhead-bound.
    public static func classify(measured: Double, point: RooflinePoint, overheadFactor: Double) -> Classification {
      if measured >= overheadFactor * point.attainableSeconds { return .overheadBound }
      return point.bound == .compute ? .computeBound : .memoryBound
    }
  }

  /// Where the step's KV usage (and so its attended context) came from.
  public enum ContextSource: String, Sendable, Hashable, CaseIterable {
    /// The iteration line's own `KV cache usage` suffix (v0.26+).
    case stepLine = "step_line"
    /// Interpolated between periodic stats lines.
    case interpolated
    /// Unknown: each request is taken to attend only to its new tokens (a lower bound on the bytes).
    case unknown
  }

  /// Index of the step in its engine's trace.
  public var index: Int
  /// The engine.
  public var engine: Int
  /// The step's kind.
  public var kind: StepKind
  /// Requests and tokens, with the estimated context.
  public var shape: StepShape
  /// Where the context estimate came from.
  public var contextSource: ContextSource
  /// The bounds.
  public var point: RooflinePoint
  /// The logged step time in seconds.
  public var measuredSeconds: Double
  /// The classification.
  public var classification: Classification

  /// Attainable ÷ measured time (1 = at the bound).
  public var efficiency: Double { measuredSeconds > 0 ? point.attainableSeconds / measuredSeconds : 0 }
}
