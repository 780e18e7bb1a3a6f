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
