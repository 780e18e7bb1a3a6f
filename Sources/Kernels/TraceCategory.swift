/// The categories of Kineto trace events that the breakdown distinguishes.
enum TraceCategory: UInt8, Sendable {
  /// An ATen or custom operator on a CPU thread (`cpu_op`).
  case cpuOp
  /// A `record_function` range (`user_annotation`): `ProfilerStep#N`, vLLM's `execute_context_…` labels.
  case annotation
  /// A GPU kernel (`kernel`).
  case kernel
  /// A GPU memory copy (`gpu_memcpy`).
  case memcpy
  /// A GPU memory set (`gpu_memset`).
  case memset
  /// A CUDA runtime or driver call on a CPU thread (`cuda_runtime`, `cuda_driver`): `cudaLaunchKernel`,
  /// `cudaGraphLaunch`, … Kept for the correlation that ties a kernel to the step that launched it.
  case runtime

  /// The `cat` values of each category, as bytes (compared without building strings).
  private static let table: [([UInt8], TraceCategory)] = [(String, TraceCategory)]([
    ("cpu_op", .cpuOp), ("kernel", .kernel), ("user_annotation", .annotation), ("gpu_memcpy", .memcpy),
    ("gpu_memset", .memset), ("operator", .cpuOp), ("Memcpy", .memcpy), ("Memset", .memset),
    ("cuda_runtime", .runtime), ("cuda_driver", .runtime),
  ]).map { (Array($0.0.utf8), $0.1) }

  /// The category of a `cat` value; nil for categories kept only as counts.
  init?(_ cat: [UInt8]) {
    for (bytes, category) in Self.table where bytes == cat {
      self = category
      return
    }
    return nil
  }

  /// Whether the event ran on a device rather than a CPU thread.
  var isDevice: Bool { self == .kernel || self == .memcpy || self == .memset }

  /// Whether the event carries a launch correlation worth reading from its `args`.
  var hasCorrelation: Bool { isDevice || self == .runtime }
}
