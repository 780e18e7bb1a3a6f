import ProfileMateCore

extension ReportDocument {
  // BEGIN GENERATED (scripts/gen-report-schema.py)
  /// Steps above and within the largest capture size (`roofline.cuda_graphs`).
  public struct RooflineCudaGraphs: Codable, Sendable, Equatable {
    /// `largest_capture_size`.
    public var largestCaptureSize: Int?
    /// `above_capture_size`.
    public var aboveCaptureSize: ReportDocument.RooflineTotals?
    /// `within_capture_size`.
    public var withinCaptureSize: ReportDocument.RooflineTotals?

    enum CodingKeys: String, CodingKey {
      case largestCaptureSize = "largest_capture_size"
      case aboveCaptureSize = "above_capture_size"
      case withinCaptureSize = "within_capture_size"
    }
  }
  // END GENERATED
}
