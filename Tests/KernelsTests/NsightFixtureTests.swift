import Kernels
import ProfileMateCore
import Testing

/// Every real Nsight file is read, and its per-kernel figures equal the ones `expected_nsight.py` computes.
@Suite struct NsightFixtureTests {
  /// The figures in the script's format: `file: K kernels, L launches, T ns`, then per kernel
  /// `instances total read write name[:48]`.
  static func figures(_ file: String, _ r: KernelReport) -> String {
    func fmt(_ x: Double?) -> String {
      guard let x else { return "None" }
      return x == x.rounded() && abs(x) < 9e15 ? String(Int64(x)) : "\(x)"
    }
    var s = "\(file): \(r.kernels.count) kernels, \(r.instances) launches, \(fmt(r.totalNS)) ns\n"
    for k in r.kernels {
      s += "  \(k.instances) \(fmt(k.totalNS)) \(fmt(k.dramReadBytes)) \(fmt(k.dramWriteBytes)) \(k.name.prefix(48))\n"
    }
    return s
  }

  @Test func everyFixtureMatchesTheIndependentFigures() throws {
    let files = Fixtures.nsightFiles
    #expect(files.count == 6)
    var text = ""
    for f in files {
      text += Self.figures(f, try KernelInput.report(try Fixtures.bytes(Fixtures.nsight(f))))
    }
    let got = text.split(separator: "\n")
    let want = expectedNsightFigures.split(separator: "\n")
    #expect(got.count == want.count)
    for (g, w) in zip(got, want) where g != w { Issue.record("got  \(g)\nwant \(w)") }
  }

  @Test func fixturesAreDetectedByContent() throws {
    let kinds = try Fixtures.nsightFiles.map { try KernelFileDetector.detect(Fixtures.bytes(Fixtures.nsight($0))) }
    #expect(
      kinds == [
        .ncuMetricRows, .ncuMetricRows, .ncuMetricRows, .ncuMetricRows, .nsysKernelSummaryCSV, .nsysKernelSummaryCSV,
      ])
  }

  @Test func everyKernelHasAClassAndTheSharesAddUp() throws {
    for f in Fixtures.nsightFiles {
      let r = try KernelInput.report(try Fixtures.bytes(Fixtures.nsight(f)))
      let shares = r.classes.reduce(0) { $0 + $1.timeShare }
      #expect(abs(shares - 1) < 1e-9, "\(f)")
      #expect(r.classes.reduce(0) { $0 + $1.instances } == r.instances, "\(f)")
      #expect(r.unclassified == r.kernels.filter { $0.kernelClass == .other }.map(\.name))
    }
  }

  @Test func minimaxDecodeClassesAndComputeCapability() throws {
    let r = try KernelInput.report(
      try Fixtures.bytes(Fixtures.nsight("ncu-csv-decode-minimax-m2.7-attn-layer-b200-fwai.csv")))
    #expect(r.computeCapability == "10.0")
    let byName = Dictionary(uniqueKeysWithValues: r.kernels.map { ($0.name, $0.kernelClass) })
    #expect(byName["nvjet_sm100_tst_64x8_64x16_4x1_v_bz_TNT"] == .gemm)
    #expect(byName["_rms_norm"] == .normActivation)
    #expect(byName["mha_reshape_and_cache_kernel"] == .attention)
    #expect(byName.first { $0.key.hasPrefix("fmhaSm100f") }?.value == .attention)
    // GEMMs: 19,168 + 16,576 of 65,312 ns (the script's figures above).
    let gemm = try #require(r.classes.first { $0.kernelClass == .gemm })
    #expect(abs(gemm.timeShare - (19168.0 + 16576.0) / 65312.0) < 1e-12)
    // The B200's tensor counters read 0: said, not turned into FLOPs.
    #expect(r.findings.contains { $0.id == "tensor_counters_zero" })
  }

  @Test func gemvAchievedBandwidthAndPeakShare() throws {
    let path = Fixtures.nsight("ncu-csv-metrics-decode-cublas-gemv-deepseek-ocr-rtx5090-llmperfopt.csv")
    let gpu = try #require(GPUCatalog.lookup("RTX-4090"))
    let r = try KernelInput.report(try Fixtures.bytes(path), gpu: gpu)
    let k = try #require(r.kernels.first)
    // 2.33 Mbyte = 2,330,000 bytes read, 0 written, over 6.75 us = 6,750 ns: 345.185… GB/s.
    #expect(k.dramBytes == 2_330_000)
    #expect(k.achievedGBps == 2_330_000.0 / 6_750.0)
    #expect(k.peakShare(of: gpu) == 2_330_000.0 / 6_750.0 * 1e9 / 1.008e12)
    #expect(k.reportedDramPeakPct == 19.66)
    #expect(k.smPct == 9.15)
    #expect(k.kernelClass == .gemm)
    #expect(k.rules.map(\.name) == ["SOLBottleneck", "SOLFPRoofline", "IssueSlotUtilization", "TheoreticalOccupancy"])
    #expect(k.rules.last?.estimatedSpeedupPct == 80.34)
    // The only kernel, below 40 % of DRAM and of SM peak: under-used, with ncu's own hints as evidence.
    let f = try #require(r.findings.first { $0.id == "kernel_low_utilisation" })
    #expect(f.evidence.contains { $0.text.contains("TheoreticalOccupancy") })
  }

  @Test func sectionFileHasDurationButNoBytes() throws {
    let path = Fixtures.nsight("ncu-csv-section-SpeedOfLight-decode-cublas-gemv-deepseek-ocr-rtx5090-llmperfopt.csv")
    let r = try KernelInput.report(try Fixtures.bytes(path))
    let k = try #require(r.kernels.first)
    #expect(k.totalNS == 6_750)
    #expect(k.dramBytes == nil && k.achievedGBps == nil)
    #expect(k.reportedDramPeakPct == 19.66)
  }

  @Test func nsysDecodeClassShares() throws {
    let path = Fixtures.nsight("nsys-stats-cuda_gpu_kern_sum-decode-deepseek-ocr-rtx5090-llmperfopt.csv")
    let r = try KernelInput.report(try Fixtures.bytes(path))
    // The two gemvx rows, the cutlass GEMM, gemmk1 and cublasLt splitKreduce:
    // 61,602,133 + 26,427,871 + 859,767 + 748,846 + 91,392 = 89,730,009 ns of 179,072,697.
    let gemm = try #require(r.classes.first { $0.kernelClass == .gemm })
    #expect(gemm.totalNS == 89_730_009)
    #expect(gemm.kernels == 5)
    #expect(r.findings.contains { $0.id == "kernel_class_dominant" } == (89_730_009.0 / 179_072_697.0 >= 0.5))
    // The two flash split-KV kernels: 4,254,167 + 2,467,978.
    #expect(r.classes.first { $0.kernelClass == .attention }?.totalNS == 6_722_145)
  }
}
