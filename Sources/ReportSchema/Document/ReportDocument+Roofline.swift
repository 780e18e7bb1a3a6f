import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// Every step against the GPU's roofline (`roofline`).
  public struct Roofline: Codable, Sendable, Equatable {
    /// `gpu`.
    public var gpu: String?
    /// `peak_tflops`.
    public var peakTFLOPS: Double?
    /// `hbm_gbps`.
    public var hbmGBps: Double?
    /// `ridge_flop_per_byte`.
    public var ridgeFLOPPerByte: Double?
    /// `overhead_factor`.
    public var overheadFactor: Double?
    /// `steps`.
    public var steps: Int?
    /// `skipped_steps`.
    public var skippedSteps: Int?
    /// `context_estimate`.
    public var contextEstimate: ReportDocument.ContextEstimate?
    /// `by_kind`.
    public var byKind: [ReportDocument.RooflineKind]?
    /// `decode_by_batch`.
    public var decodeByBatch: [ReportDocument.RooflineBatch]?
    /// `cuda_graphs`.
    public var cudaGraphs: ReportDocument.RooflineCudaGraphs?

    enum CodingKeys: String, CodingKey {
      case gpu
      case peakTFLOPS = "peak_tflops"
      case hbmGBps = "hbm_gbps"
      case ridgeFLOPPerByte = "ridge_flop_per_byte"
      case overheadFactor = "overhead_factor"
      case steps
      case skippedSteps = "skipped_steps"
      case contextEstimate = "context_estimate"
      case byKind = "by_kind"
      case decodeByBatch = "decode_by_batch"
      case cudaGraphs = "cuda_graphs"
    }
  }
  // END GENERATED
}

extension ReportDocument.Roofline {
  /// The figures of `r` in the report's units (TFLOP/s, GB/s); `cuda_graphs` is null without a largest
  /// capture size.
  init(_ r: RooflineAnalysis) {
    var graphs: ReportDocument.RooflineCudaGraphs?
    if let largest = r.largestCaptureSize, let above = r.aboveCaptureSize, let within = r.withinCaptureSize {
      graphs = ReportDocument.RooflineCudaGraphs(
        largestCaptureSize: largest,
        aboveCaptureSize: ReportDocument.RooflineTotals(
          above, classification: above.classification(overheadFactor: r.overheadFactor)),
        withinCaptureSize: ReportDocument.RooflineTotals(
          within, classification: within.classification(overheadFactor: r.overheadFactor)))
    }
    self.init(
      gpu: r.gpu, peakTFLOPS: r.peakFLOPS / 1e12, hbmGBps: r.bandwidth / 1e9, ridgeFLOPPerByte: r.ridgePoint,
      overheadFactor: r.overheadFactor, steps: r.steps, skippedSteps: r.skippedSteps,
      contextEstimate: ReportDocument.ContextEstimate(r),
      byKind: r.byKind.map {
        ReportDocument.RooflineKind(
          kind: $0.kind.rawValue, totals: ReportDocument.RooflineTotals($0.totals, classification: $0.classification))
      },
      decodeByBatch: r.decodeByBatch.map {
        ReportDocument.RooflineBatch(
          minRequests: $0.minRequests, maxRequests: $0.maxRequests,
          totals: ReportDocument.RooflineTotals($0.totals, classification: $0.classification))
      },
      cudaGraphs: graphs)
  }
}
