/// The built-in hardware table. It holds the datasheet figures that the roofline, MFU and MBU reports divide by.
///
/// Conventions, shared by every entry (see `docs/hardware.md` for the per-GPU sources):
///
/// - FLOP/s figures are **dense** peaks (no 2:4 structured sparsity). NVIDIA datasheets print the sparse
///   figure with an asterisk; those have been halved here. AMD datasheets print the dense figure first, and it
///   is used as printed.
/// - Units are SI and decimal: FLOP/s, bytes/s, bytes. Memory is the vendor's decimal "GB" × 1e9 (so an
///   "80 GB" part is `80e9` bytes, not 80 GiB); bandwidth is the vendor's "TB/s" × 1e12.
/// - `bf16FLOPS` is the 16-bit tensor-core rate with FP32 accumulation (what BF16/FP16 GEMMs use).
///   `fp8FLOPS`, `tf32FLOPS` and `fp4FLOPS` are `nil` where the tensor cores have no such mode
///   (Ampere has no FP8; only Blackwell has FP4; CDNA 3 has FP8 but no FP4).
/// - Every figure is a theoretical peak at boost clock: an upper bound. Sustained GEMM throughput is
///   typically 60–80 % of it, and sustained memory bandwidth is likewise below the printed figure.
public enum GPUCatalog {
  /// Every known accelerator, in a stable order: grouped by vendor and chip family. New entries go at the end
  /// of their family.
  public static let all: [GPUSpec] = [
    // Ampere (GA100). No FP8 or FP4 tensor-core modes.
    GPUSpec(
      name: "A100-40GB",
      // The 40 GB PCIe card has the same datasheet peaks and 1,555 GB/s, so its nvidia-smi name maps here.
      aliases: [
        "A100 40GB", "A100-SXM4-40GB", "NVIDIA A100-SXM4-40GB", "A100-PCIE-40GB", "NVIDIA A100-PCIE-40GB",
      ],
      memoryBytes: 40e9,
      memoryBandwidth: 1.555e12,
      bf16FLOPS: 312e12,
      fp8FLOPS: nil,
      tf32FLOPS: 156e12,
      fp4FLOPS: nil,
      source: "NVIDIA A100 Tensor Core GPU datasheet (A100 40GB SXM column; sparse figures halved)"
    ),
    GPUSpec(
      name: "A100-80GB",
      aliases: ["a100", "A100-SXM", "A100 80GB", "A100-SXM4-80GB", "NVIDIA A100-SXM4-80GB"],
      memoryBytes: 80e9,
      memoryBandwidth: 2.039e12,
      bf16FLOPS: 312e12,
      fp8FLOPS: nil,
      tf32FLOPS: 156e12,
      fp4FLOPS: nil,
      source: "NVIDIA A100 Tensor Core GPU datasheet (A100 80GB SXM column; sparse figures halved)"
    ),
    GPUSpec(
      name: "A100-80GB-PCIe",
      aliases: ["A100-PCIe", "A100 80GB PCIe", "NVIDIA A100 80GB PCIe", "A100-PCIE-80GB"],
      memoryBytes: 80e9,
      memoryBandwidth: 1.935e12,
      bf16FLOPS: 312e12,
      fp8FLOPS: nil,
      tf32FLOPS: 156e12,
      fp4FLOPS: nil,
      source: "NVIDIA A100 Tensor Core GPU datasheet (A100 80GB PCIe column; sparse figures halved)"
    ),

    // Hopper (GH100). FP8 but no FP4. The SXM figures are the whitepaper's dense values; the datasheet's
    // sparse 1,979 / 3,958 / 989 TFLOPS halve to the same numbers within rounding.
    GPUSpec(
      name: "H100-SXM",
      aliases: [
        "h100", "H100-SXM5", "H100 SXM5 80GB", "H100-80GB-HBM3", "NVIDIA H100 80GB HBM3", "NVIDIA H100",
      ],
      memoryBytes: 80e9,
      memoryBandwidth: 3.35e12,
      bf16FLOPS: 989.4e12,
      fp8FLOPS: 1978.9e12,
      tf32FLOPS: 494.7e12,
      fp4FLOPS: nil,
      source: "NVIDIA H100 Tensor Core GPU Architecture whitepaper (dense); NVIDIA H100 datasheet (H100 SXM)"
    ),
    GPUSpec(
      name: "H100-PCIe",
      aliases: ["NVIDIA H100 PCIe", "H100-PCIe-80GB"],
      memoryBytes: 80e9,
      memoryBandwidth: 2.0e12,
      bf16FLOPS: 756.5e12,
      fp8FLOPS: 1513e12,
      tf32FLOPS: 378e12,
      fp4FLOPS: nil,
      source: "NVIDIA H100 Tensor Core GPU datasheet (H100 PCIe column; sparse figures halved)"
    ),
    // The current single-card H100 NVL (94 GB). The 2023 launch material quoted a two-card pair
    // (188 GB, 7.8 TB/s); these are the per-GPU figures.
    GPUSpec(
      name: "H100-NVL",
      aliases: ["NVIDIA H100 NVL", "H100 NVL 94GB"],
      memoryBytes: 94e9,
      memoryBandwidth: 3.9e12,
      bf16FLOPS: 835.5e12,
      fp8FLOPS: 1670.5e12,
      tf32FLOPS: 417.5e12,
      fp4FLOPS: nil,
      source: "NVIDIA H100 Tensor Core GPU datasheet (H100 NVL column; sparse figures halved)"
    ),
    // Same GH100 compute as H100 SXM; only the memory differs.
    GPUSpec(
      name: "H200",
      aliases: ["H200-SXM", "H200-SXM-141GB", "NVIDIA H200", "NVIDIA H200-SXM-141GB"],
      memoryBytes: 141e9,
      memoryBandwidth: 4.8e12,
      bf16FLOPS: 989.4e12,
      fp8FLOPS: 1978.9e12,
      tf32FLOPS: 494.7e12,
      fp4FLOPS: nil,
      source: "NVIDIA H200 Tensor Core GPU datasheet (H200 SXM column; sparse figures halved)"
    ),

    // Blackwell. Per-GPU figures from NVIDIA's HGX B200 / GB200 NVL72 specification tables, which print
    // sparse FLOP/s; halved here. Early (GTC 2024) material said 192 GB and 8 TB/s for B200; the shipping
    // specification is 180 GB at 7.7 TB/s (the DGX B200 datasheet's 64 TB/s per 8 GPUs would be 8 TB/s).
    GPUSpec(
      name: "B200",
      aliases: ["NVIDIA B200", "HGX B200", "B200-SXM-180GB", "NVIDIA B200-SXM-180GB"],
      memoryBytes: 180e9,
      memoryBandwidth: 7.7e12,
      bf16FLOPS: 2.25e15,
      fp8FLOPS: 4.5e15,
      tf32FLOPS: 1.1e15,
      fp4FLOPS: 9e15,
      source: "NVIDIA HGX B200 specifications (individual Blackwell GPU; sparse figures halved)"
    ),
    // One Blackwell GPU of a GB200 superchip (1,200 W configuration), not the two-GPU superchip.
    GPUSpec(
      name: "GB200",
      aliases: ["NVIDIA GB200", "GB200-NVL72", "GB200 NVL72"],
      memoryBytes: 186e9,
      memoryBandwidth: 8e12,
      bf16FLOPS: 2.5e15,
      fp8FLOPS: 5e15,
      tf32FLOPS: 1.25e15,
      fp4FLOPS: 10e15,
      source: "NVIDIA GB200 NVL72 specifications (individual Blackwell GPU; sparse figures halved)"
    ),

    // Ada Lovelace (AD10x). FP8 but no FP4. GDDR6/GDDR6X rather than HBM.
    GPUSpec(
      name: "L40S",
      aliases: ["NVIDIA L40S"],
      memoryBytes: 48e9,
      memoryBandwidth: 864e9,
      bf16FLOPS: 362.05e12,
      fp8FLOPS: 733e12,
      tf32FLOPS: 183e12,
      fp4FLOPS: nil,
      source: "NVIDIA L40S datasheet (sparse figures halved)"
    ),
    GPUSpec(
      name: "L40",
      aliases: ["NVIDIA L40"],
      memoryBytes: 48e9,
      memoryBandwidth: 864e9,
      bf16FLOPS: 181.05e12,
      fp8FLOPS: 362e12,
      tf32FLOPS: 90.5e12,
      fp4FLOPS: nil,
      source: "NVIDIA L40 datasheet (sparse figures halved)"
    ),
    GPUSpec(
      name: "L4",
      aliases: ["NVIDIA L4"],
      memoryBytes: 24e9,
      memoryBandwidth: 300e9,
      bf16FLOPS: 121e12,
      fp8FLOPS: 242.5e12,
      tf32FLOPS: 60e12,
      fp4FLOPS: nil,
      source: "NVIDIA L4 Tensor Core GPU datasheet (sparse figures halved)"
    ),

    // Ampere (GA102). No FP8 or FP4 tensor-core modes.
    // A10G: AWS-only part; NVIDIA publishes no datasheet. 24 GB and 600 GB/s match the A10. The 16-bit rate
    // is an estimate: GA102 tensor cores at the GeForce-class half rate for FP32 accumulation, ~80 SMs at
    // ~1.71 GHz, i.e. 80 × 512 FLOP/clk × 1.71e9 ≈ 70e12 (TF32 half that). A measured BF16 GEMM of
    // 69.5 TFLOP/s on an A10G supports it; the A10's 125 TFLOPS would understate MFU by ~44 %.
    GPUSpec(
      name: "A10G",
      aliases: ["NVIDIA A10G"],
      memoryBytes: 24e9,
      memoryBandwidth: 600e9,
      bf16FLOPS: 70e12,
      fp8FLOPS: nil,
      tf32FLOPS: 35e12,
      fp4FLOPS: nil,
      source: "Estimate (no NVIDIA datasheet): GA102 half-rate FP32-accumulate tensor math, measured ~69.5 TF"
    ),
    GPUSpec(
      name: "A10",
      aliases: ["NVIDIA A10"],
      memoryBytes: 24e9,
      memoryBandwidth: 600e9,
      bf16FLOPS: 125e12,
      fp8FLOPS: nil,
      tf32FLOPS: 62.5e12,
      fp4FLOPS: nil,
      source: "NVIDIA A10 Tensor Core GPU datasheet (sparse figures halved)"
    ),

    // GeForce Ada (AD102). The 16-bit and FP8 rates are the whitepaper's FP32-accumulate figures, which are
    // half the FP16-accumulate ones on GeForce parts.
    GPUSpec(
      name: "RTX-4090",
      aliases: ["4090", "GeForce RTX 4090", "NVIDIA GeForce RTX 4090"],
      memoryBytes: 24e9,
      memoryBandwidth: 1.008e12,
      bf16FLOPS: 165.2e12,
      fp8FLOPS: 330.3e12,
      tf32FLOPS: 82.6e12,
      fp4FLOPS: nil,
      source: "NVIDIA Ada GPU Architecture whitepaper (GeForce RTX 4090, dense, FP32 accumulate)"
    ),

    // AMD CDNA 3. FP8 but no FP4. AMD prints dense figures (sparse ones are listed separately).
    GPUSpec(
      name: "MI300X",
      aliases: ["AMD Instinct MI300X", "MI300X-OAM"],
      memoryBytes: 192e9,
      memoryBandwidth: 5.3e12,
      bf16FLOPS: 1307.4e12,
      fp8FLOPS: 2614.9e12,
      tf32FLOPS: 653.7e12,
      fp4FLOPS: nil,
      source: "AMD Instinct MI300X accelerator data sheet (dense peaks)"
    ),
    // Same CDNA 3 compute as MI300X; more and faster HBM3E.
    GPUSpec(
      name: "MI325X",
      aliases: ["AMD Instinct MI325X", "MI325X-OAM"],
      memoryBytes: 256e9,
      memoryBandwidth: 6.0e12,
      bf16FLOPS: 1307.4e12,
      fp8FLOPS: 2614.9e12,
      tf32FLOPS: 653.7e12,
      fp4FLOPS: nil,
      source: "AMD Instinct MI325X accelerator data sheet (dense peaks)"
    ),
  ]

  /// Finds a GPU by name or alias, case-insensitively, ignoring spaces, dashes and underscores (so "h100",
  /// "H100_SXM", "h100-sxm5" all match). Returns nil when unknown.
  ///
  /// When the exact key is unknown, leading vendor words (`NVIDIA`, `AMD`, `Instinct`, `GeForce`) are
  /// dropped one at a time and the lookup retried, so `nvidia-smi` and ROCm device names that are not
  /// listed as aliases still resolve (`"NVIDIA RTX 4090"` finds `RTX-4090`).
  public static func lookup(_ name: String) -> GPUSpec? {
    var key = normalized(name)
    while !key.isEmpty {
      if let spec = index[key] { return spec }
      guard let prefix = vendorPrefixes.first(where: { key.hasPrefix($0) && key.count > $0.count }) else {
        return nil
      }
      key.removeFirst(prefix.count)
    }
    return nil
  }

  /// Vendor words that `lookup` may drop from the front of a normalized name, longest first.
  private static let vendorPrefixes = ["amdinstinct", "instinct", "geforce", "nvidia", "amd"]

  /// Every normalized name and alias mapped to its entry; where two entries share a key, the earlier wins.
  private static let index: [String: GPUSpec] = {
    var map: [String: GPUSpec] = [:]
    for spec in all {
      for key in [spec.name] + spec.aliases {
        let normalizedKey = normalized(key)
        if map[normalizedKey] == nil { map[normalizedKey] = spec }
      }
    }
    return map
  }()

  /// Lower-cases `name` and removes whitespace, dashes and underscores.
  private static func normalized(_ name: String) -> String {
    name.lowercased().filter { !$0.isWhitespace && $0 != "-" && $0 != "_" }
  }
}
