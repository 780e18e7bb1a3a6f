/// The kernel class table (docs/kernels.md, "Kernel classes"): rows are tried in order and the first row with
/// a matching substring wins, so the specific rows (communication, MoE, attention) come before the broad
/// ones (GEMM, element-wise). A name no row matches is ``KernelClass/other``.
public enum KernelClassTable {
  /// The rows, in matching order.
  public static let rows: [KernelPattern] = [
    KernelPattern(
      .communication,
      [
        "nccl", "allreduce", "all_reduce", "allgather", "all_gather", "reducescatter", "reduce_scatter",
        "alltoall", "all_to_all", "cross_device_reduce", "custom_ar", "sendrecv", "broadcast_kernel",
      ]),
    KernelPattern(.memcpy, ["memcpy", "memset", "[cuda mem"]),
    KernelPattern(
      .moe,
      [
        "fused_moe", "moe_", "_moe", "grouped_gemm", "groupedgemm", "group_gemm", "topk_softmax", "topkgating",
        "expert",
      ]),
    KernelPattern(
      .attention,
      [
        "flash", "fmha", "paged_attention", "attention", "attn", "mla_", "_mla", "reshape_and_cache",
        "splitkv", "xformers", "decode_kernel_with_kv",
      ]),
    KernelPattern(
      .sampling,
      [
        "topk", "top_k", "topp", "top_p", "sampling", "sampler", "argmax", "sort", "softmax", "multinomial",
        "devicescan",
        "exponential_",
      ]),
    KernelPattern(
      .gemm,
      [
        "gemm", "gemv", "cutlass", "cublas", "nvjet", "matmul", "xmma", "wgmma", "_mm_", "tem_fused", "dot_kernel",
      ]),
    KernelPattern(
      .normActivation,
      [
        "rms_norm", "rmsnorm", "layer_norm", "layernorm", "group_norm", "batch_norm", "silu", "gelu", "swiglu",
        "act_and_mul", "sigmoid", "tanh", "relu", "rotary", "rope", "rsqrt", "cos_kernel", "sin_kernel",
      ]),
    KernelPattern(
      .elementwise,
      [
        "elementwise", "copy", "fill", "cat", "reduce", "index", "gather", "scatter", "arange", "transpose",
        "nchwtonhwc", "nhwctonchw", "fused_", "triton_poi", "triton_red", "where", "clamp",
      ]),
  ]

  /// The class of a kernel name (never nil: unmatched names are ``KernelClass/other``).
  public static func classify(_ name: String) -> KernelClass {
    let lower = name.lowercased()
    for row in rows where row.substrings.contains(where: { lower.contains($0) }) { return row.kernelClass }
    return .other
  }
}
