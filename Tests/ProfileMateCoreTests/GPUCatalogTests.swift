import Testing

@testable import ProfileMateCore

@Suite struct GPUCatalogTests {
  @Test(arguments: [
    ("h100", "H100-SXM"), ("H100_SXM", "H100-SXM"), ("h100-sxm5", "H100-SXM"), ("H100 SXM5 80GB", "H100-SXM"),
    ("NVIDIA H100 80GB HBM3", "H100-SXM"), ("  H200  ", "H200"), ("NVIDIA H200", "H200"),
    ("NVIDIA RTX 4090", "RTX-4090"), ("nvidia geforce rtx 4090", "RTX-4090"), ("GeForce RTX 4090", "RTX-4090"),
    ("AMD Instinct MI300X", "MI300X"), ("amd mi300x", "MI300X"), ("Instinct MI325X", "MI325X"),
    ("a100", "A100-80GB"), ("NVIDIA A100-SXM4-40GB", "A100-40GB"), ("nvidia_a100_sxm4_40gb", "A100-40GB"),
    ("H100 PCIe", "H100-PCIe"), ("NVIDIA NVIDIA H100", "H100-SXM"), ("l40s", "L40S"), ("L40", "L40"),
    ("nvidia l4", "L4"), ("NVIDIA A10G", "A10G"), ("b200", "B200"), ("NVIDIA GB200", "GB200"),
  ])
  func lookupNormalisesNames(query: String, expected: String) {
    #expect(GPUCatalog.lookup(query)?.name == expected)
  }

  @Test(arguments: ["", "   ", "nvidia", "NVIDIA ", "amd", "h", "H1000", "TPU v5e", "-_-"])
  func unknownNamesAreNil(query: String) {
    #expect(GPUCatalog.lookup(query) == nil)
  }

  @Test func everyNameAndAliasFindsItsOwnEntry() {
    for spec in GPUCatalog.all {
      #expect(GPUCatalog.lookup(spec.name)?.name == spec.name)
      for alias in spec.aliases {
        #expect(GPUCatalog.lookup(alias)?.name == spec.name, "alias \(alias) of \(spec.name)")
      }
    }
  }

  @Test func namesAreUniqueAndFiguresPositive() {
    #expect(Set(GPUCatalog.all.map(\.name)).count == GPUCatalog.all.count)
    for spec in GPUCatalog.all {
      #expect(spec.bf16FLOPS > 0 && spec.memoryBandwidth > 0 && spec.memoryBytes > 0, "\(spec.name)")
      if let fp8 = spec.fp8FLOPS { #expect(fp8 > spec.bf16FLOPS, "\(spec.name)") }
      if let fp4 = spec.fp4FLOPS { #expect(fp4 > (spec.fp8FLOPS ?? spec.bf16FLOPS), "\(spec.name)") }
    }
  }

  @Test func peakFLOPSFollowsDtype() throws {
    let h100 = try #require(GPUCatalog.lookup("H100"))
    #expect(h100.peakFLOPS(dtype: nil) == 989.4e12)
    #expect(h100.peakFLOPS(dtype: "bfloat16") == 989.4e12)
    #expect(h100.peakFLOPS(dtype: "float16") == 989.4e12)
    #expect(h100.peakFLOPS(dtype: "fp8") == 1978.9e12)
    #expect(h100.peakFLOPS(dtype: "float8_e4m3fn") == 1978.9e12)
    #expect(h100.peakFLOPS(dtype: "float32") == 494.7e12)
    // No FP4 on Hopper: falls back to FP8.
    #expect(h100.peakFLOPS(dtype: "fp4") == 1978.9e12)
    let a100 = try #require(GPUCatalog.lookup("A100"))
    #expect(a100.peakFLOPS(dtype: "fp8") == 312e12)
    let b200 = try #require(GPUCatalog.lookup("B200"))
    #expect(b200.peakFLOPS(dtype: "fp4") == 9e15)
  }
}
