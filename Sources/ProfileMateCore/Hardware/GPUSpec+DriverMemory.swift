/// The device memory vLLM sizes its KV cache from: the total the CUDA driver reports
/// (`torch.cuda.mem_get_info()[1]`, printed by vLLM as `total_gpu_memory (79.15GiB)`), which is neither the
/// datasheet's decimal "80 GB" (80·10⁹ bytes) nor 80 GiB: ECC and the driver's reservations take their share.
public struct DriverMemory: Sendable, Hashable {
  /// Bytes the driver reports as the device total.
  public let bytes: Double
  /// Where the figure comes from.
  public let source: String
}

extension GPUCatalog {
  /// Driver-reported totals, by catalog name, for the parts where a public vLLM or PyTorch line prints one
  /// (to 0.01 GiB: the figure is the printed GiB × 2³⁰, within 0.005 GiB of the truth). Parts without an entry
  /// fall back to the datasheet figure, and say so.
  public static let driverMemory: [String: DriverMemory] = [
    "A100-40GB": DriverMemory(
      bytes: 39.39 * gib,
      source: "PyTorch's out-of-memory message on an A100-SXM4-40GB ('39.39 GiB total capacity')"),
    "A100-80GB": DriverMemory(
      bytes: 79.15 * gib,
      source: "vLLM's memory-profiling line on an A100-SXM4-80GB ('total_gpu_memory (79.15GiB)'; nvidia-smi "
        + "prints 81,920 MiB)"),
    "H100-SXM": DriverMemory(
      bytes: 79.11 * gib,
      source: "vLLM's memory-profiling line on an H100 80GB HBM3 ('total_gpu_memory (79.11GiB)'; nvidia-smi "
        + "prints 81,559 MiB)"),
    "H200": DriverMemory(
      bytes: 139.81 * gib,
      source: "vLLM's memory-profiling line on an H200 ('total_gpu_memory (139.81GiB)'; nvidia-smi prints "
        + "143,771 MiB)"),
  ]

  private static let gib = 1_073_741_824.0
}

extension GPUSpec {
  /// The memory vLLM sees on this device: the driver's figure when documented, else the datasheet's.
  public var deviceMemoryBytes: Double { GPUCatalog.driverMemory[name]?.bytes ?? memoryBytes }

  /// Where ``deviceMemoryBytes`` comes from.
  public var deviceMemorySource: String {
    GPUCatalog.driverMemory[name]?.source
      ?? "datasheet (\(Int((memoryBytes / 1e9).rounded())) GB × 10⁹; the driver's total is not documented here: "
      + "on the HBM parts that have one it is about 6 % above the decimal figure)"
  }
}
