/// What one source says about one kernel: one launch (Nsight Compute, a trace) or one row of a summary that
/// already groups launches (`nsys stats cuda_gpu_kern_sum`). Absent figures are nil, never zero.
public struct KernelMeasurement: Sendable, Equatable {
  /// The kernel name as the tool printed it.
  public var name: String
  /// How many launches this covers.
  public var instances: Int
  /// Total GPU time of those launches, in ns.
  public var totalNS: Double
  /// The shortest and longest launch, in ns, when known.
  public var minNS: Double?
  /// The longest launch, in ns, when known.
  public var maxNS: Double?
  /// DRAM bytes read.
  public var dramReadBytes: Double?
  /// DRAM bytes written.
  public var dramWriteBytes: Double?
  /// DRAM bytes moved (read + write, or the tool's own total).
  public var dramBytes: Double?
  /// DRAM throughput in percent of the device's peak, as the tool measured it.
  public var dramPeakPct: Double?
  /// SM throughput in percent of peak, as the tool measured it.
  public var smPct: Double?
  /// Global-load sector efficiency in percent.
  public var loadEfficiencyPct: Double?
  /// Global-store sector efficiency in percent.
  public var storeEfficiencyPct: Double?
  /// Whether tensor-op counters were collected and all read zero.
  public var tensorCountersAllZero: Bool
  /// Rule results attached by the tool.
  public var rules: [NCURule]
  /// The 1-based line the figures were read from.
  public var line: Int

  /// Creates a measurement.
  public init(
    name: String, instances: Int, totalNS: Double, minNS: Double? = nil, maxNS: Double? = nil,
    dramReadBytes: Double? = nil, dramWriteBytes: Double? = nil, dramBytes: Double? = nil,
    dramPeakPct: Double? = nil, smPct: Double? = nil, loadEfficiencyPct: Double? = nil,
    storeEfficiencyPct: Double? = nil, tensorCountersAllZero: Bool = false, rules: [NCURule] = [], line: Int
  ) {
    self.name = name
    self.instances = instances
    self.totalNS = totalNS
    self.minNS = minNS
    self.maxNS = maxNS
    self.dramReadBytes = dramReadBytes
    self.dramWriteBytes = dramWriteBytes
    self.dramBytes = dramBytes
    self.dramPeakPct = dramPeakPct
    self.smPct = smPct
    self.loadEfficiencyPct = loadEfficiencyPct
    self.storeEfficiencyPct = storeEfficiencyPct
    self.tensorCountersAllZero = tensorCountersAllZero
    self.rules = rules
    self.line = line
  }
}

extension NCULaunch {
  /// The launch as a measurement.
  /// - Throws: ``KernelInputError`` when the launch has no duration (a kernel time is what every figure needs).
  public func measurement() throws -> KernelMeasurement {
    guard let d = durationNS else {
      throw KernelInputError(
        "line \(line): launch \(id) (\(kernel.prefix(60))) has no duration "
          + "(expected gpu__time_duration.sum or the SpeedOfLight Duration)")
    }
    return KernelMeasurement(
      name: kernel, instances: 1, totalNS: d, minNS: d, maxNS: d, dramReadBytes: dramReadBytes,
      dramWriteBytes: dramWriteBytes, dramBytes: dramBytes, dramPeakPct: dramPeakPct, smPct: smPct,
      loadEfficiencyPct: loadEfficiencyPct, storeEfficiencyPct: storeEfficiencyPct,
      tensorCountersAllZero: tensorCountersAllZero, rules: rules, line: line)
  }
}
