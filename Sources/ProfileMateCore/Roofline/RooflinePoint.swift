/// One step on a GPU's roofline: its work (FLOPs) and traffic (HBM bytes) against the GPU's peaks.
///
/// The step cannot finish faster than its compute-time bound (`flops / peakFLOPS`) nor than its memory-time
/// bound (`bytes / bandwidth`); the larger of the two is the attainable time. Its arithmetic intensity
/// (FLOPs per byte) against the GPU's ridge point (`peakFLOPS / bandwidth`) says which bound applies.
public struct RooflinePoint: Sendable, Hashable {
  /// Which peak limits the step.
  public enum Bound: String, Sendable, Hashable, CaseIterable {
    /// The tensor cores: intensity at or above the ridge point.
    case compute
    /// HBM bandwidth: intensity below the ridge point.
    case memory
  }

  /// Floating-point operations of the step (one GPU's share).
  public var flops: Double
  /// Bytes read from and written to device memory (one GPU's share).
  public var bytes: Double
  /// Tokens the step processes (for tokens/s).
  public var tokens: Int
  /// The GPU's peak dense FLOP/s for the step's data type.
  public var peakFLOPS: Double
  /// The GPU's peak memory bandwidth in bytes/s.
  public var bandwidth: Double

  /// Creates a point.
  /// - Parameters:
  ///   - flops: FLOPs of the step.
  ///   - bytes: bytes moved (read + written).
  ///   - tokens: tokens processed.
  ///   - peakFLOPS: peak FLOP/s (must be positive).
  ///   - bandwidth: peak bytes/s (must be positive).
  public init(flops: Double, bytes: Double, tokens: Int, peakFLOPS: Double, bandwidth: Double) {
    self.flops = flops
    self.bytes = bytes
    self.tokens = tokens
    self.peakFLOPS = peakFLOPS
    self.bandwidth = bandwidth
  }

  /// FLOPs per byte moved; infinite when no byte moves.
  public var arithmeticIntensity: Double { bytes > 0 ? flops / bytes : .infinity }
  /// The intensity at which compute and memory time are equal: peak FLOP/s ÷ bandwidth.
  public var ridgePoint: Double { peakFLOPS / bandwidth }
  /// Seconds the FLOPs take at peak FLOP/s.
  public var computeSeconds: Double { flops / peakFLOPS }
  /// Seconds the bytes take at peak bandwidth.
  public var memorySeconds: Double { bytes / bandwidth }
  /// The bound that applies (compute on a tie).
  public var bound: Bound { computeSeconds >= memorySeconds ? .compute : .memory }
  /// The shortest time the GPU allows: the larger of the two bounds.
  public var attainableSeconds: Double { max(computeSeconds, memorySeconds) }
  /// The most tokens per second the GPU allows for steps like this one; nil for an empty step.
  public var tokensPerSecond: Double? {
    attainableSeconds > 0 ? Double(tokens) / attainableSeconds : nil
  }
}
