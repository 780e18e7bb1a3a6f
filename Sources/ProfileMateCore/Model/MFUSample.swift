/// One `MFU: X TF/s/GPU Y GB/s/GPU` line (per GPU, averaged over the stats interval).
public struct MFUSample: Sendable, Equatable {
  /// The line it came from.
  public var line: LineNumber
  /// Seconds since the first timestamp, when known.
  public var time: Double?
  /// Achieved TFLOP/s per GPU (vLLM's analytical estimate).
  public var tflopsPerGPU: Double
  /// Achieved GB/s per GPU (read + write, decimal units).
  public var gbpsPerGPU: Double

  /// Creates a sample.
  public init(line: LineNumber, time: Double?, tflopsPerGPU: Double, gbpsPerGPU: Double) {
    self.line = line
    self.time = time
    self.tflopsPerGPU = tflopsPerGPU
    self.gbpsPerGPU = gbpsPerGPU
  }
}
