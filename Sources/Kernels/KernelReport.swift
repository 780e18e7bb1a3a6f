import ProfileMateCore

/// Everything `profilemate kernels` says about one file: its kernels grouped by name, the class shares,
/// unclassified names, the GPU idle time when the file has a timeline, and the findings.
public struct KernelReport: Sendable {
  /// What the file is.
  public var kind: KernelSourceKind
  /// The compute capability the file names (`10.0`), when it names one.
  public var computeCapability: String?
  /// The GPU whose datasheet peaks the shares use (`--gpu`), when given.
  public var gpu: GPUSpec?
  /// Kernels, longest total time first.
  public var kernels: [KernelSummary]
  /// Classes present, longest total time first.
  public var classes: [ClassShare]
  /// Names that fell to ``KernelClass/other``, longest total time first.
  public var unclassified: [String]
  /// Total kernel time, ns.
  public var totalNS: Double
  /// Total launches.
  public var instances: Int
  /// GPU idle time between activities, when the file has a timeline.
  public var idle: GPUIdleSummary?
  /// NVTX ranges and CUDA API calls from an `nsys stats` file, when it has those reports.
  public var nsys: NsysExtras?
  /// The torch-profiler breakdown (operators, steps, CPU against device time), for a trace.
  public var trace: TraceSummary?
  /// What was found, most severe first.
  public var findings: [Finding]
}
