/// Achieved FLOP/s and bytes/s per GPU (from `--enable-mfu-metrics` lines), and their share
/// of a GPU's datasheet peaks when the GPU is known.
public struct MFUAnalysis: Sendable, Equatable {
  /// MFU lines read.
  public var samples: Int
  /// Mean and peak TFLOP/s per GPU over the stats intervals.
  public var meanTFLOPSPerGPU: Double
  /// Peak TFLOP/s per GPU.
  public var peakTFLOPSPerGPU: Double
  /// Mean GB/s per GPU.
  public var meanGBpsPerGPU: Double
  /// Peak GB/s per GPU.
  public var peakGBpsPerGPU: Double
  /// The GPU the utilisation figures refer to.
  public var gpu: String?
  /// Peak dense FLOP/s used for MFU (for the model dtype).
  public var peakFLOPS: Double?
  /// Mean model FLOP utilisation in percent: mean TFLOP/s ÷ the GPU's dense peak.
  public var meanMFUPct: Double?
  /// Mean memory-bandwidth utilisation in percent: mean GB/s ÷ the GPU's HBM bandwidth.
  public var meanMBUPct: Double?
  /// The first MFU line.
  public var firstLine: LineNumber?

  /// Analyses samples; nil when there are none.
  public static func analyze(_ samples: [MFUSample], gpu: GPUSpec?, dtype: String?) -> MFUAnalysis? {
    guard !samples.isEmpty else { return nil }
    let n = Double(samples.count)
    let meanTF = samples.reduce(0) { $0 + $1.tflopsPerGPU } / n
    let meanGB = samples.reduce(0) { $0 + $1.gbpsPerGPU } / n
    let peak = gpu?.peakFLOPS(dtype: dtype)
    return MFUAnalysis(
      samples: samples.count, meanTFLOPSPerGPU: meanTF, peakTFLOPSPerGPU: samples.map(\.tflopsPerGPU).max() ?? 0,
      meanGBpsPerGPU: meanGB, peakGBpsPerGPU: samples.map(\.gbpsPerGPU).max() ?? 0, gpu: gpu?.name,
      peakFLOPS: peak, meanMFUPct: peak.map { meanTF * 1e12 / $0 * 100 },
      meanMBUPct: gpu.map { meanGB * 1e9 / $0.memoryBandwidth * 100 }, firstLine: samples.first?.line)
  }
}
