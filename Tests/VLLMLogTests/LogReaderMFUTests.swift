import ProfileMateCore
import Testing
import VLLMLog

/// MFU lines (spec §4.1).
@Suite struct LogReaderMFUTests {
  @Test func gpuAndDeviceWordings() throws {
    let m = Snippet.read([
      Snippet.v1 + "Engine 000: MFU: 312.4 TF/s/GPU 1875.2 GB/s/GPU",
      Snippet.v1 + "Engine 001: MFU: 1.5 TF/s/device 20.25 GB/s/device",
    ])
    #expect(m.engine(0)?.mfu.map(\.tflopsPerGPU) == [312.4])
    #expect(m.engine(0)?.mfu.map(\.gbpsPerGPU) == [1875.2])
    #expect(m.engine(1)?.mfu.map(\.tflopsPerGPU) == [1.5])
    #expect(m.engine(1)?.mfu.map(\.line) == [2])
    #expect(m.config.observability.mfuMetrics == true)

    // means (312.4 + 1.5)/2 = 156.95 TF/s and (1875.2 + 20.25)/2 = 947.725 GB/s;
    // on an H100 SXM: 156.95 / 989.4 = 15.8631 % MFU, 947.725 / 3350 = 28.2903 % MBU.
    let gpu = try #require(GPUCatalog.lookup("H100"))
    let mfu = try #require(RunAnalysis.analyze(m, options: AnalysisOptions(gpu: gpu)).mfu)
    #expect(mfu.samples == 2)
    #expect(abs(mfu.meanTFLOPSPerGPU - 156.95) < 1e-9)
    #expect(abs(mfu.meanGBpsPerGPU - 947.725) < 1e-9)
    #expect(mfu.peakTFLOPSPerGPU == 312.4)
    #expect(abs((mfu.meanMFUPct ?? 0) - 15.863_149_383) < 1e-6)
    #expect(abs((mfu.meanMBUPct ?? 0) - 28.290_298_507) < 1e-6)
    #expect(mfu.gpu == "H100-SXM")
  }

  @Test func withoutAGPUThereIsNoUtilisation() throws {
    let m = Snippet.read([Snippet.v1 + "Engine 000: MFU: 1.0 TF/s/GPU 2.0 GB/s/GPU"])
    let mfu = try #require(RunAnalysis.analyze(m).mfu)
    #expect(mfu.meanMFUPct == nil && mfu.meanMBUPct == nil && mfu.gpu == nil)
  }

  @Test func mfuDetailsBlockIsRecognised() {
    let p = "DEBUG 05-13 10:01:12 [v1/metrics/perf.py:1] "
    let m = Snippet.read(
      [
        p + "Engine 000: MFU: 1.0 TF/s/GPU 2.0 GB/s/GPU",
        p + "Engine 000: MFU details: {",
        p + "  \"prefill_reqs\": 1,",
        p + "  \"flops_breakdown\": {",
        p + "    \"attn.qkv_proj\": \"6.0TF\"",
        p + "  },",
        p + "  \"duration\": \"10.0s\"",
        p + "}",
        p + "Engine 000: " + Snippet.stats(),
      ], ending: "\r\n")
    #expect(m.engines.first?.mfuDetailBlocks == 1)
    #expect(m.config.observability.debugMFU == true)
    #expect(m.coverage.byKind["mfu_details"] == 7)
    #expect(m.engines.first?.stats.count == 1)
    #expect(m.coverage.unrecognized == 0)
  }
}
