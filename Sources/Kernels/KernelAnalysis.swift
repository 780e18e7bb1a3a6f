import ProfileMateCore

/// Groups measurements into a ``KernelReport`` and draws its findings.
public enum KernelAnalysis {
  /// The report for one file's measurements.
  public static func analyze(
    kind: KernelSourceKind, measurements: [KernelMeasurement], computeCapability: String? = nil, gpu: GPUSpec? = nil,
    intervals: [GPUInterval] = [], trace: TraceSummary? = nil, nsys: NsysExtras? = nil,
    thresholds: KernelThresholds = KernelThresholds()
  ) -> KernelReport {
    var order: [String] = []
    var groups: [String: [KernelMeasurement]] = [:]
    for m in measurements {
      if groups[m.name] == nil { order.append(m.name) }
      groups[m.name, default: []].append(m)
    }
    let total = measurements.reduce(0) { $0 + $1.totalNS }
    var kernels = order.map { summarize($0, groups[$0] ?? [], total: total) }
    kernels.sort { $0.totalNS != $1.totalNS ? $0.totalNS > $1.totalNS : $0.name < $1.name }
    var classes: [ClassShare] = []
    for c in KernelClass.allCases {
      let members = kernels.filter { $0.kernelClass == c }
      guard !members.isEmpty else { continue }
      let t = members.reduce(0) { $0 + $1.totalNS }
      let bytes = members.allSatisfy { $0.dramBytes != nil } ? members.reduce(0) { $0 + ($1.dramBytes ?? 0) } : nil
      classes.append(
        ClassShare(
          kernelClass: c, kernels: members.count, instances: members.reduce(0) { $0 + $1.instances }, totalNS: t,
          timeShare: total > 0 ? t / total : 0, dramBytes: bytes))
    }
    classes.sort { $0.totalNS != $1.totalNS ? $0.totalNS > $1.totalNS : $0.kernelClass < $1.kernelClass }
    var report = KernelReport(
      kind: kind, computeCapability: computeCapability, gpu: gpu, kernels: kernels, classes: classes,
      unclassified: kernels.filter { $0.kernelClass == .other }.map(\.name), totalNS: total,
      instances: kernels.reduce(0) { $0 + $1.instances }, idle: GPUIdleSummary.of(intervals), nsys: nsys, trace: trace,
      findings: [])
    report.findings = KernelFindings.findings(for: report, thresholds: thresholds)
    return report
  }

  private static func summarize(_ name: String, _ ms: [KernelMeasurement], total: Double) -> KernelSummary {
    let t = ms.reduce(0) { $0 + $1.totalNS }
    func sum(_ key: KeyPath<KernelMeasurement, Double?>) -> Double? {
      var s = 0.0
      for m in ms {
        guard let v = m[keyPath: key] else { return nil }
        s += v
      }
      return s
    }
    func weighted(_ key: KeyPath<KernelMeasurement, Double?>) -> Double? {
      var s = 0.0
      for m in ms {
        guard let v = m[keyPath: key] else { return nil }
        s += v * m.totalNS
      }
      return t > 0 ? s / t : nil
    }
    var rules: [NCURule] = []
    for m in ms { for r in m.rules where !rules.contains(r) { rules.append(r) } }
    let mins = ms.compactMap(\.minNS)
    let maxs = ms.compactMap(\.maxNS)
    return KernelSummary(
      name: name, kernelClass: KernelClassTable.classify(name), instances: ms.reduce(0) { $0 + $1.instances },
      totalNS: t, minNS: mins.count == ms.count ? mins.min() : nil, maxNS: maxs.count == ms.count ? maxs.max() : nil,
      dramReadBytes: sum(\.dramReadBytes), dramWriteBytes: sum(\.dramWriteBytes), dramBytes: sum(\.dramBytes),
      reportedDramPeakPct: weighted(\.dramPeakPct), smPct: weighted(\.smPct),
      loadEfficiencyPct: weighted(\.loadEfficiencyPct), storeEfficiencyPct: weighted(\.storeEfficiencyPct),
      tensorCountersAllZero: !ms.isEmpty && ms.allSatisfy(\.tensorCountersAllZero), rules: rules,
      lines: Array(ms.map(\.line).prefix(5)), timeShare: total > 0 ? t / total : 0)
  }
}
