import ProfileMateCore

/// What `analyze` and `report` are asked: an input, and optionally the GPU and the model for MFU and the roofline.
public struct AnalyzeRequest: Sendable, Equatable {
  /// A log, `-`, or a run directory; nil: the bundled example.
  public var path: String?
  /// The GPU's name (see `profilemate gpus`).
  public var gpu: String?
  /// The served model's config.json, for the roofline (needs ``gpu``).
  public var model: String?
  /// Tensor-parallel size for ``model`` (default: the log's).
  public var tp: Int?
  /// The findings' thresholds (`--threshold NAME=VALUE`).
  public var thresholds = FindingThresholds()
  /// Threads for reading a large log.
  public var threads: Int?
  /// The command, for messages.
  public var command = "analyze"
  /// Whether the CSV files will be written (``AnalyzedRun/csvFiles``): roofline.csv is then made in the same
  /// evaluation of the steps as the report's roofline.
  public var csv = false

  /// A request for `path`.
  public init(path: String?) { self.path = path }
}
