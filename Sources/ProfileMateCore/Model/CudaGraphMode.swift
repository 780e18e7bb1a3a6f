/// vLLM's `CUDAGraphMode` (spec §6.1): what the engine was configured to capture.
///
/// The composite modes are pairs (decode mode, mixed mode): `FULL_DECODE_ONLY = (FULL, NONE)`,
/// `FULL_AND_PIECEWISE = (FULL, PIECEWISE)`. The three simple modes are also the runtime modes a step
/// runs in (``CudaGraphRuntimeMode``).
public enum CudaGraphMode: String, Sendable, CaseIterable {
  /// No CUDA graphs (also `--enforce-eager`).
  case none = "NONE"
  /// Piecewise graphs for every batch; attention runs outside the graphs.
  case piecewise = "PIECEWISE"
  /// Full graphs for every batch.
  case full = "FULL"
  /// Full graphs for uniform decode batches; every other batch runs eagerly.
  case fullDecodeOnly = "FULL_DECODE_ONLY"
  /// Full graphs for uniform decode batches, piecewise graphs for the rest (the default from v0.11).
  case fullAndPiecewise = "FULL_AND_PIECEWISE"

  /// Parses a mode name as printed (`FULL_AND_PIECEWISE`, `CUDAGraphMode.PIECEWISE`, any case).
  public init?(name: String) {
    var t = Substring(name.uppercased())
    if let r = t.firstRange(of: "CUDAGRAPHMODE.") { t = t[r.upperBound...] }
    let word = t.prefix { $0.isLetter || $0 == "_" }
    self.init(rawValue: String(word))
  }

  /// Whether decode and mixed batches use different routines (the composite modes).
  public var separateRoutine: Bool { self == .fullDecodeOnly || self == .fullAndPiecewise }

  /// The runtime mode of uniform decode batches.
  public var decodeMode: CudaGraphRuntimeMode {
    switch self {
    case .none: return .none
    case .piecewise: return .piecewise
    case .full, .fullDecodeOnly, .fullAndPiecewise: return .full
    }
  }

  /// The runtime mode of every other batch (prefill, mixed, non-uniform decode).
  public var mixedMode: CudaGraphRuntimeMode {
    switch self {
    case .none, .fullDecodeOnly: return .none
    case .piecewise, .fullAndPiecewise: return .piecewise
    case .full: return .full
    }
  }
}

/// The mode one step ran in (`CUDAGraphStat.runtime_mode`, spec §3).
public enum CudaGraphRuntimeMode: String, Sendable, CaseIterable, Comparable {
  /// Eager: no graph, no padding.
  case none = "NONE"
  /// A piecewise graph.
  case piecewise = "PIECEWISE"
  /// A full graph.
  case full = "FULL"

  private var rank: Int {
    switch self {
    case .none: return 0
    case .piecewise: return 1
    case .full: return 2
    }
  }

  public static func < (a: CudaGraphRuntimeMode, b: CudaGraphRuntimeMode) -> Bool { a.rank < b.rank }
}
