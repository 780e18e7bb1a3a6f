/// One CUDA API function of `nsys stats --report cuda_api_sum`.
public struct NsysAPICall: Sendable, Equatable {
  /// The function (`cudaLaunchKernel`, `cudaGraphLaunch_v10000`).
  public var name: String
  /// Calls.
  public var calls: Int
  /// Total CPU time in the call, ns.
  public var totalNS: Double
}
