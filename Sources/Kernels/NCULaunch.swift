/// One profiled kernel launch and its metrics.
public struct NCULaunch: Sendable, Equatable {
  /// The report's launch ID.
  public var id: String
  /// The kernel's (demangled) name.
  public var kernel: String
  /// The device index, as printed.
  public var device: String?
  /// The compute capability (`10.0`), as printed.
  public var computeCapability: String?
  /// The 1-based line the launch's first row is on.
  public var line: Int
  /// Metrics by name (raw names like `dram__bytes_read.sum`, or section names like `Duration`).
  public var metrics: [String: NCUMetric]
  /// Rule results, in file order.
  public var rules: [NCURule]

  /// Creates a launch.
  public init(
    id: String, kernel: String, device: String?, computeCapability: String?, line: Int,
    metrics: [String: NCUMetric] = [:], rules: [NCURule] = []
  ) {
    self.id = id
    self.kernel = kernel
    self.device = device
    self.computeCapability = computeCapability
    self.line = line
    self.metrics = metrics
    self.rules = rules
  }

  /// The first of `names` that has a value in `dimension`.
  public func value(_ names: [String], _ dimension: MetricDimension) -> Double? {
    for name in names {
      if let q = metrics[name]?.quantity, q.dimension == dimension { return q.value }
    }
    return nil
  }

  /// The launch's GPU duration in ns (`gpu__time_duration.sum`, else the SpeedOfLight `Duration`).
  public var durationNS: Double? { value(["gpu__time_duration.sum", "gpu__time_duration", "Duration"], .nanoseconds) }
  /// DRAM bytes read (`dram__bytes_read.sum`).
  public var dramReadBytes: Double? { value(["dram__bytes_read.sum"], .bytes) }
  /// DRAM bytes written (`dram__bytes_write.sum`).
  public var dramWriteBytes: Double? { value(["dram__bytes_write.sum"], .bytes) }
  /// DRAM bytes moved: `dram__bytes.sum`, else read + write when both are present.
  public var dramBytes: Double? {
    if let total = value(["dram__bytes.sum"], .bytes) { return total }
    if let r = dramReadBytes, let w = dramWriteBytes { return r + w }
    return nil
  }
  /// DRAM throughput as a percentage of the device's sustained peak, as the report measured it.
  public var dramPeakPct: Double? {
    value(
      [
        "dram__throughput.avg.pct_of_peak_sustained_elapsed", "gpu__dram_throughput.avg.pct_of_peak_sustained_elapsed",
        "DRAM Throughput",
      ], .percent)
  }
  /// SM (compute) throughput as a percentage of peak.
  public var smPct: Double? {
    value(["sm__throughput.avg.pct_of_peak_sustained_elapsed", "Compute (SM) Throughput"], .percent)
  }
  /// Memory throughput (the busiest memory unit) as a percentage of peak.
  public var memoryPct: Double? {
    value(["gpu__compute_memory_throughput.avg.pct_of_peak_sustained_elapsed", "Memory Throughput"], .percent)
  }
  /// Global-load sector efficiency in percent, when measured.
  public var loadEfficiencyPct: Double? {
    value(["smsp__sass_average_data_bytes_per_sector_mem_global_op_ld.pct"], .percent)
  }
  /// Global-store sector efficiency in percent, when measured.
  public var storeEfficiencyPct: Double? {
    value(["smsp__sass_average_data_bytes_per_sector_mem_global_op_st.pct"], .percent)
  }
  /// Whether the launch has tensor-pipe op counters and every one of them reads zero (a device where they are
  /// not collected, such as B200 in the shared fixtures): FLOPs must then not be derived from them.
  public var tensorCountersAllZero: Bool {
    let tensor = metrics.filter {
      $0.key.hasPrefix("sm__ops_path_tensor") || $0.key.hasPrefix("sm__inst_executed_pipe_tensor")
    }
    guard !tensor.isEmpty else { return false }
    let values = tensor.values.compactMap { $0.quantity?.value }
    return !values.isEmpty && values.allSatisfy { $0 == 0 }
  }
}
