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

/// One class's part of the kernel time: the `classes[]` element of docs/kernels.md.
public struct ClassShare: Sendable, Equatable {
  /// The class.
  public var kernelClass: KernelClass
  /// Distinct kernel names in it.
  public var kernels: Int
  /// Launches.
  public var instances: Int
  /// Total GPU time, ns.
  public var totalNS: Double
  /// Share of the source's total kernel time (0–1).
  public var timeShare: Double
  /// DRAM bytes moved, when every kernel in the class has the figure.
  public var dramBytes: Double?
}

/// Time the GPU spent idle between activities, from a timeline (nsys `cuda_gpu_trace`, a trace's kernels).
public struct GPUIdleSummary: Sendable, Equatable {
  /// From the first activity's start to the last one's end, ns (per device, summed).
  public var spanNS: Double
  /// Time at least one activity ran, ns.
  public var busyNS: Double
  /// Gaps between activities, ns (`spanNS − busyNS`).
  public var idleNS: Double { max(0, spanNS - busyNS) }
  /// `idleNS / spanNS`.
  public var idleShare: Double { spanNS > 0 ? idleNS / spanNS : 0 }
  /// Gaps counted.
  public var gaps: Int
  /// The longest gap, ns.
  public var longestGapNS: Double

  /// The idle summary of `intervals`, each device on its own (overlapping activities count once).
  public static func of(_ intervals: [GPUInterval]) -> GPUIdleSummary? {
    guard !intervals.isEmpty else { return nil }
    var span = 0.0
    var busy = 0.0
    var gaps = 0
    var longest = 0.0
    for device in Set(intervals.map(\.device)).sorted() {
      let sorted = intervals.filter { $0.device == device }.sorted { $0.startNS < $1.startNS }
      guard let first = sorted.first else { continue }
      var coveredEnd = first.startNS + first.durationNS
      var runStart = first.startNS
      var lastEnd = coveredEnd
      for iv in sorted.dropFirst() {
        let end = iv.startNS + iv.durationNS
        if iv.startNS > coveredEnd {
          busy += coveredEnd - runStart
          gaps += 1
          longest = max(longest, iv.startNS - coveredEnd)
          runStart = iv.startNS
          coveredEnd = end
        } else {
          coveredEnd = max(coveredEnd, end)
        }
        lastEnd = max(lastEnd, end)
      }
      busy += coveredEnd - runStart
      span += lastEnd - first.startNS
    }
    return GPUIdleSummary(spanNS: span, busyNS: busy, gaps: gaps, longestGapNS: longest)
  }
}
