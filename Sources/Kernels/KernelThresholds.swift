/// The limits the kernel findings fire at (docs/kernels.md, "Findings").
public struct KernelThresholds: Sendable, Equatable {
  /// One class at or above this share of kernel time is reported as dominating.
  public var dominantClassShare = 0.5
  /// Communication at or above this share of kernel time is a warning.
  public var communicationShare = 0.2
  /// Runtime memory copies and sets at or above this share of kernel time are a warning.
  public var memcpyShare = 0.1
  /// Names no pattern matched, together at or above this share, are listed as a finding.
  public var unclassifiedShare = 0.05
  /// An attention kernel with at least this share of time is checked for bandwidth.
  public var attentionMinShare = 0.05
  /// Below this many DRAM bytes per launch a kernel is too small to stream, so the bandwidth check does not apply.
  public var streamingBytesPerLaunch = 1e6
  /// An attention kernel below this share of DRAM peak is a warning (decode attention is memory-bound).
  public var attentionBandwidthShare = 0.5
  /// Any other kernel with at least this share of time is checked for bandwidth.
  public var kernelMinShare = 0.1
  /// Such a kernel below this share of DRAM peak and of SM peak is under-using the GPU.
  public var lowBandwidthShare = 0.4
  /// Step time outside any operator in a trace, at or above this share, is a warning.
  public var stepGapShare = 0.3
  /// Idle GPU time between activities at or above this share of the timeline is a warning.
  public var idleShare = 0.15

  /// The defaults.
  public init() {}
}
