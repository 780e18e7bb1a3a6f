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
