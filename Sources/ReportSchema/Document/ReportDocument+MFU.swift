import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// Achieved FLOP/s and bytes/s per GPU from MFU lines (`mfu`).
  public struct MFU: Codable, Sendable, Equatable {
    /// `samples`.
    public var samples: Int?
    /// `mean_tflops_per_gpu`.
    public var meanTFLOPSPerGPU: Double?
    /// `peak_tflops_per_gpu`.
    public var peakTFLOPSPerGPU: Double?
    /// `mean_gbps_per_gpu`.
    public var meanGBpsPerGPU: Double?
    /// `peak_gbps_per_gpu`.
    public var peakGBpsPerGPU: Double?
    /// `gpu`.
    public var gpu: String?
    /// `mean_mfu_pct`.
    public var meanMFUPct: Double?
    /// `mean_mbu_pct`.
    public var meanMBUPct: Double?
    /// `first_line`.
    public var firstLine: Int?

    enum CodingKeys: String, CodingKey {
      case samples
      case meanTFLOPSPerGPU = "mean_tflops_per_gpu"
      case peakTFLOPSPerGPU = "peak_tflops_per_gpu"
      case meanGBpsPerGPU = "mean_gbps_per_gpu"
      case peakGBpsPerGPU = "peak_gbps_per_gpu"
      case gpu
      case meanMFUPct = "mean_mfu_pct"
      case meanMBUPct = "mean_mbu_pct"
      case firstLine = "first_line"
    }
  }
  // END GENERATED
}

extension ReportDocument.MFU {
  /// The figures of `m`.
  init(_ m: MFUAnalysis) {
    self.init(
      samples: m.samples, meanTFLOPSPerGPU: m.meanTFLOPSPerGPU, peakTFLOPSPerGPU: m.peakTFLOPSPerGPU,
      meanGBpsPerGPU: m.meanGBpsPerGPU, peakGBpsPerGPU: m.peakGBpsPerGPU, gpu: m.gpu, meanMFUPct: m.meanMFUPct,
      meanMBUPct: m.meanMBUPct, firstLine: m.firstLine)
  }
}
