import ProfileMateCore

/// One kernel name's launches, added up: the `kernels[]` element of docs/kernels.md.
public struct KernelSummary: Sendable, Equatable {
  /// The kernel name as the tool printed it.
  public var name: String
  /// Its class from the pattern table.
  public var kernelClass: KernelClass
  /// Launches.
  public var instances: Int
  /// Total GPU time, ns.
  public var totalNS: Double
  /// The shortest launch, ns, when every source row gave one.
  public var minNS: Double?
  /// The longest launch, ns, when every source row gave one.
  public var maxNS: Double?
  /// DRAM bytes read over all launches; nil unless every launch has the figure.
  public var dramReadBytes: Double?
  /// DRAM bytes written over all launches; nil unless every launch has the figure.
  public var dramWriteBytes: Double?
  /// DRAM bytes moved over all launches; nil unless every launch has the figure.
  public var dramBytes: Double?
  /// The tool's DRAM throughput in percent of peak, weighted by launch time.
  public var reportedDramPeakPct: Double?
  /// The tool's SM throughput in percent of peak, weighted by launch time.
  public var smPct: Double?
  /// Global-load sector efficiency, percent, weighted by launch time.
  public var loadEfficiencyPct: Double?
  /// Global-store sector efficiency, percent, weighted by launch time.
  public var storeEfficiencyPct: Double?
  /// Whether tensor-op counters were collected and all read zero on every launch.
  public var tensorCountersAllZero: Bool
  /// Rule results, each once.
  public var rules: [NCURule]
  /// Lines of the source the figures come from (at most a few).
  public var lines: [Int]
  /// Share of the source's total kernel time (0–1).
  public var timeShare: Double
  /// Achieved DRAM bandwidth in GB/s (bytes per ns); nil without DRAM bytes.
  public var achievedGBps: Double? { dramBytes.flatMap { totalNS > 0 ? $0 / totalNS : nil } }
  /// Mean launch time, ns.
  public var meanNS: Double { instances > 0 ? totalNS / Double(instances) : 0 }

  /// `achievedGBps` as a share (0–1) of `gpu`'s datasheet bandwidth.
  public func peakShare(of gpu: GPUSpec?) -> Double? {
    guard let gpu, let a = achievedGBps, gpu.memoryBandwidth > 0 else { return nil }
    return a * 1e9 / gpu.memoryBandwidth
  }

  /// The DRAM share of peak used for findings: against `gpu` when given, else the tool's own percentage.
  public func bandwidthShare(gpu: GPUSpec?) -> (share: Double, basis: String)? {
    if let s = peakShare(of: gpu), let gpu {
      return (s, "of \(gpu.name)'s \(Format.fixed(gpu.memoryBandwidth / 1e9, 0)) GB/s")
    }
    if let p = reportedDramPeakPct { return (p / 100, "of peak, as the profiler measured it") }
    return nil
  }
}
