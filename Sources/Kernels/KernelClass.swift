/// What a kernel does, as far as its name tells: the classes of docs/kernels.md.
public enum KernelClass: String, Sendable, CaseIterable, Comparable {
  /// Matrix multiplies and matrix-vector products (cuBLAS, cuBLASLt, CUTLASS, nvjet, Triton matmuls).
  case gemm
  /// Attention: flash, paged, FMHA, MLA kernels and the KV-cache write.
  case attention
  /// Mixture-of-experts: fused MoE, grouped GEMMs, routing.
  case moe
  /// Collective communication: NCCL, all-reduce (including vLLM's custom all-reduce), all-gather.
  case communication
  /// Normalisation, activation functions and rotary embeddings.
  case normActivation = "norm_activation"
  /// Element-wise arithmetic, copies, fills, concatenation, indexing, reductions.
  case elementwise
  /// Sampling: top-k / top-p, sorting, argmax, softmax over logits.
  case sampling
  /// Memory copies and sets issued by the runtime (`[CUDA memcpy …]`, `memset`).
  case memcpy
  /// A name no pattern matched (listed, so the table can grow).
  case other

  /// A short label for tables.
  public var label: String {
    switch self {
    case .gemm: return "GEMM/GEMV"
    case .attention: return "attention"
    case .moe: return "MoE"
    case .communication: return "communication"
    case .normActivation: return "norm/activation/rotary"
    case .elementwise: return "elementwise/copy/fill"
    case .sampling: return "sampling/top-k"
    case .memcpy: return "memcpy/memset"
    case .other: return "other"
    }
  }

  private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }

  public static func < (a: KernelClass, b: KernelClass) -> Bool { a.order < b.order }
}
