import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// The datasheet entry chosen with `--gpu NAME` (dense peaks).
  public struct GPU: Codable, Sendable, Equatable {
    /// `name`.
    public var name: String?
    /// `peak_bf16_tflops`.
    public var peakBF16TFLOPS: Double?
    /// `peak_fp8_tflops`.
    public var peakFP8TFLOPS: Double?
    /// `hbm_gbps`.
    public var hbmGBps: Double?
    /// `memory_gb`.
    public var memoryGB: Double?

    enum CodingKeys: String, CodingKey {
      case name
      case peakBF16TFLOPS = "peak_bf16_tflops"
      case peakFP8TFLOPS = "peak_fp8_tflops"
      case hbmGBps = "hbm_gbps"
      case memoryGB = "memory_gb"
    }
  }
  // END GENERATED
}

extension ReportDocument.GPU {
  /// The figures of `g` in the report's units (TFLOP/s, GB/s, GB).
  init(_ g: GPUSpec) {
    self.init(
      name: g.name, peakBF16TFLOPS: g.bf16FLOPS / 1e12, peakFP8TFLOPS: g.fp8FLOPS.map { $0 / 1e12 },
      hbmGBps: g.memoryBandwidth / 1e9, memoryGB: g.memoryBytes / 1e9)
  }
}
