import Foundation
import Kernels
import Testing

/// Unit conversion, the raw-page layout with its units row, nsys text tables and content detection.
@Suite struct UnitsAndLayoutTests {
  @Test func unitsConvertExactly() {
    // value, unit, dimension, expected (worked by hand: 2.33 × 10⁶; 6.75 × 10³; 1.5 × 2¹⁰; …).
    let cases: [(String, String, MetricDimension, Double)] = [
      ("2.33", "Mbyte", .bytes, 2_330_000), ("1.5", "Kbyte", .bytes, 1_500), ("0.001", "Gbyte", .bytes, 1_000_000),
      ("1.5", "KiB", .bytes, 1_536), ("3", "MiB", .bytes, 3_145_728), ("512", "byte", .bytes, 512),
      ("6.75", "usecond", .nanoseconds, 6_750), ("6.75", "us", .nanoseconds, 6_750),
      ("0.125", "msecond", .nanoseconds, 125_000), ("1,234", "nsecond", .nanoseconds, 1_234),
      ("2", "second", .nanoseconds, 2_000_000_000), ("19.66", "%", .percent, 19.66),
      ("1.5", "Gbyte/second", .bytesPerSecond, 1_500_000_000), ("1.99", "Ghz", .hertz, 1_990_000_000),
      ("13,485", "cycle", .count, 13_485), ("9,495.42", "cycle", .count, 9_495.42),
    ]
    for (value, unit, dimension, want) in cases {
      let q = MetricQuantity.parse(value, unit: unit)
      #expect(q == MetricQuantity(dimension: dimension, value: want), "\(value) \(unit)")
    }
    #expect(MetricQuantity.parse("n/a", unit: "") == nil)
    #expect(MetricQuantity.parse("", unit: "byte") == nil)
  }

  /// `ncu --csv --page raw`: one row per launch, metric columns, and the units row under the header.
  static let rawPage = """
    ==PROF== Connected to process 4242 (/usr/bin/python3)
    ==PROF== Disconnected from process 4242
    "ID","Process ID","Process Name","Host Name","Kernel Name","Context","Stream","Block Size","Grid Size","Device","CC","dram__bytes_read.sum","dram__bytes_write.sum","gpu__time_duration.sum","dram__throughput.avg.pct_of_peak_sustained_elapsed"
    "","","","","","","","","","","","Mbyte","Kbyte","usecond","%"
    "0","4242","python3","127.0.0.1","paged_attention_v2_kernel<__nv_bfloat16>","1","7","(128, 1, 1)","(32, 8, 1)","0","9.0","12.50","4.10","10.24","36.60"
    "1","4242","python3","127.0.0.1","void vllm::rms_norm_kernel<c10::BFloat16>","1","7","(1024, 1, 1)","(8, 1, 1)","0","9.0","0.03","16.38","2.05","1.20"
    "2","4242","python3","127.0.0.1","paged_attention_v2_kernel<__nv_bfloat16>","1","7","(128, 1, 1)","(32, 8, 1)","0","9.0","12.75","4.20","10.30","37.10"

    """

  @Test func rawPageWithUnitsRow() throws {
    let r = try KernelInput.report(Array(Self.rawPage.utf8))
    #expect(r.kind == .ncuRawPage)
    #expect(r.computeCapability == "9.0")
    let attention = try #require(r.kernels.first)
    #expect(attention.kernelClass == .attention && attention.instances == 2)
    // 12.50 + 12.75 Mbyte = 25,250,000 bytes read; 4.10 + 4.20 Kbyte = 8,300 written; 10.24 + 10.30 us.
    #expect(attention.dramReadBytes == 25_250_000)
    #expect(attention.dramWriteBytes == 8_300)
    #expect(attention.dramBytes == 25_258_300)
    #expect(attention.totalNS == 20_540)
    #expect(attention.achievedGBps == 25_258_300.0 / 20_540.0)
    // Time-weighted: (36.60 × 10,240 + 37.10 × 10,300) / 20,540.
    let weighted = (36.60 * 10_240 + 37.10 * 10_300) / 20_540
    #expect(abs((attention.reportedDramPeakPct ?? 0) - weighted) < 1e-9)
    let norm = try #require(r.kernels.last)
    #expect(norm.dramReadBytes == 30_000 && norm.dramWriteBytes == 16_380 && norm.totalNS == 2_050)
    // 25.26 MB per launch pair at 36.9 % of peak: a memory-bound attention kernel below half of peak.
    #expect(r.findings.contains { $0.id == "attention_low_bandwidth" })
  }

  /// The `cuda_gpu_kern_sum` table as `nsys stats` prints it, behind its processing chatter.
  static let nsysText = """
    Generating SQLite file report.sqlite from report.nsys-rep
    Processing [report.sqlite] with [/opt/nvidia/nsight-systems/2024.6.1/host-linux-x64/reports/cuda_gpu_kern_sum.py]...

     ** CUDA GPU Kernel Summary (cuda_gpu_kern_sum):

     Time (%)  Total Time (ns)  Instances  Avg (ns)   Med (ns)   Min (ns)  Max (ns)  StdDev (ns)                Name
     --------  ---------------  ---------  ---------  ---------  --------  --------  -----------  ----------------------------------
         61.5        1,234,567        100   12,345.7   12,300.0    11,000    15,000        800.2  void flash_fwd_kernel<Flash_fwd_kernel_traits<128, 64>>(Params)
         30.0          602,000      1,204      500.0      498.0       480       560         10.1  ncclDevKernel_AllReduce_Sum_bf16_RING_LL(ncclDevComm *)
          8.5          170,500         50    3,410.0    3,400.0     3,000     4,000        200.0  triton_poi_fused_add_mul_0

    Processing [report.sqlite] with [/opt/nvidia/nsight-systems/2024.6.1/host-linux-x64/reports/cuda_api_sum.py]...
    """

  @Test func nsysTextTable() throws {
    let r = try KernelInput.report(Array(Self.nsysText.utf8))
    #expect(r.kind == .nsysKernelSummaryText)
    #expect(r.kernels.map(\.instances) == [100, 1_204, 50])
    #expect(r.kernels.map(\.totalNS) == [1_234_567, 602_000, 170_500])
    #expect(r.kernels.map(\.kernelClass) == [.attention, .communication, .elementwise])
    #expect(r.kernels[1].name == "ncclDevKernel_AllReduce_Sum_bf16_RING_LL(ncclDevComm *)")
    #expect(r.kernels[0].minNS == 11_000 && r.kernels[0].maxNS == 15_000)
    // 602,000 of 2,007,067 ns (30.0 %) is communication: above the 20 % threshold.
    #expect(r.findings.contains { $0.id == "communication_share" })
  }

  @Test func nsysGPUTraceGaps() throws {
    let csv = """
      Start (ns),Duration (ns),CorrId,GrdX,GrdY,GrdZ,BlkX,BlkY,BlkZ,Reg/Trd,StcSMem (MB),DymSMem (MB),Bytes (MB),Throughput (MB/s),SrcMemKd,DstMemKd,Device,Ctx,GreenCtx,Strm,Name
      1000,100,1,1,1,1,128,1,1,32,0.000,0.000,,,,,NVIDIA H100 80GB HBM3 (0),1,,7,"void gemv<float, 4>(int, float *)"
      1150,50,2,1,1,1,128,1,1,32,0.000,0.000,,,,,NVIDIA H100 80GB HBM3 (0),1,,7,void vllm::rms_norm_kernel
      1180,40,3,,,,,,,,,,0.001,25.000,Device,Pageable,NVIDIA H100 80GB HBM3 (0),1,,7,[CUDA memcpy Device-to-Host]
      1300,100,4,1,1,1,128,1,1,32,0.000,0.000,,,,,NVIDIA H100 80GB HBM3 (0),1,,7,"void gemv<float, 4>(int, float *)"
      """
    let r = try KernelInput.report(Array(csv.utf8))
    #expect(r.kind == .nsysGPUTraceCSV)
    // Busy 1000–1100, 1150–1220 (the copy overlaps the norm's end), 1300–1400: 270 of 400 ns; 2 gaps, longest 80.
    let idle = try #require(r.idle)
    #expect(idle.spanNS == 400 && idle.busyNS == 270 && idle.gaps == 2 && idle.longestGapNS == 80)
    #expect(r.findings.contains { $0.id == "gpu_idle_gaps" })
    #expect(r.kernels.first { $0.name.hasPrefix("[CUDA memcpy") }?.kernelClass == .memcpy)
    #expect(r.kernels.first?.instances == 2 && r.kernels.first?.totalNS == 200)
  }

  @Test func unknownFilesNameTheCandidates() {
    for text in ["hello,world\n1,2\n", "", #"{"metrics": []}"#] {
      do {
        _ = try KernelInput.report(Array(text.utf8))
        Issue.record("accepted \(text)")
      } catch let e as KernelInputError {
        #expect(e.description.hasPrefix("not a kernel file ProfileMate reads"))
        for kind in KernelSourceKind.allCases { #expect(e.description.contains(kind.description)) }
      } catch {
        Issue.record("\(error)")
      }
    }
  }

  @Test func badRowsNameTheirLine() {
    let csv =
      "Time (%),Total Time (ns),Instances,Avg (ns),Med (ns),Min (ns),Max (ns),StdDev (ns),Name\n"
      + "50.0,100,2,50,50,40,60,1,a_kernel\n50.0,lots,2,50,50,40,60,1,b_kernel\n"
    #expect(throws: KernelInputError("line 3: Total Time (ns) 'lots' is not a number")) {
      _ = try KernelInput.report(Array(csv.utf8))
    }
  }

  @Test func classTableCoversTheNamedFamilies() {
    let cases: [(String, KernelClass)] = [
      ("void cutlass::Kernel2<cutlass_80_tensorop_bf16_s16816gemm_relu_bf16_64x64_32x6_tn_align8>(T1::Params)", .gemm),
      ("triton_tem_fused_mm_0", .gemm), ("_matmul_kernel", .gemm), ("nvjet_tst_128x64", .gemm),
      ("void flash::flash_fwd_splitkv_kernel<Flash_fwd_kernel_traits<128>>", .attention),
      ("void vllm::paged_attention_v1_kernel<__nv_bfloat16>", .attention), ("_fwd_kernel_mla_decode", .attention),
      ("fused_moe_kernel", .moe), ("void vllm::moe::topk_softmax_kernel<8>", .moe), ("grouped_gemm_nt", .moe),
      ("ncclDevKernel_AllGather_RING_LL", .communication),
      ("void vllm::cross_device_reduce_1stage<half, 8>", .communication),
      ("void vllm::rotary_embedding_kernel<c10::BFloat16, true>", .normActivation),
      ("void vllm::act_and_mul_kernel<silu>", .normActivation),
      ("void at::native::vectorized_elementwise_kernel<4, FillFunctor<float>>", .elementwise),
      ("void at::native::sbtopk::gatherTopK<float, unsigned int, 1>", .sampling),
      ("[CUDA memset]", .memcpy), ("Memcpy HtoD (Pageable -> Device)", .memcpy),
      ("upsample_bilinear2d_out_frame", .other),
    ]
    for (name, want) in cases { #expect(KernelClassTable.classify(name) == want, "\(name)") }
  }
}

/// docs/kernels.md lists the class table; every substring of the code's table must appear in it.
@Suite struct ClassTableDocumentationTests {
  @Test func everyPatternIsDocumented() throws {
    let doc = try String(contentsOfFile: Fixtures.root + "/docs/kernels.md", encoding: .utf8)
    for row in KernelClassTable.rows {
      let line = try #require(
        doc.split(separator: "\n").first { $0.hasPrefix("| `\(row.kernelClass.rawValue)`") }, "\(row.kernelClass)")
      for s in row.substrings { #expect(line.contains("`\(s)`"), "\(row.kernelClass): \(s)") }
    }
  }
}

/// `nsys stats` with several reports printed into one file (the default when `-r a,b,c` goes to stdout).
@Suite struct NsysBundleTests {
  static let bundle = """
    Generating SQLite file /tmp/r.sqlite from /tmp/r.nsys-rep
    Processing [/tmp/r.sqlite] with [/opt/nvidia/nsight-systems/reports/cuda_api_sum.py]...
    Time (%),Total Time (ns),Num Calls,Avg (ns),Med (ns),Min (ns),Max (ns),StdDev (ns),Name
    70.0,7000,700,10.0,10.0,9,12,1.0,cudaLaunchKernel
    30.0,3000,3,1000.0,1000.0,900,1100,100.0,cudaMemcpyAsync

    Processing [/tmp/r.sqlite] with [/opt/nvidia/nsight-systems/reports/cuda_gpu_kern_sum.py]...
    Time (%),Total Time (ns),Instances,Avg (ns),Med (ns),Min (ns),Max (ns),StdDev (ns),Name
    80.0,8000,400,20.0,20.0,18,25,1.0,void gemv_kernel<float>(int)
    20.0,2000,300,6.7,6.0,5,9,1.0,void vllm::rms_norm_kernel<float>(int)

    Processing [/tmp/r.sqlite] with [/opt/nvidia/nsight-systems/reports/nvtx_sum.py]...
    Time (%),Total Time (ns),Instances,Avg (ns),Med (ns),Min (ns),Max (ns),StdDev (ns),Style,Range
    90.0,90000,10,9000.0,9000.0,8000,10000,500.0,PushPop,:execute_model
    10.0,10000,10,1000.0,1000.0,900,1100,50.0,PushPop,:sample

    """

  @Test func everyReportOfTheBundleIsRead() throws {
    let r = try KernelInput.report(Array(Self.bundle.utf8))
    #expect(r.kind == .nsysKernelSummaryCSV)
    // The kernel table stops at its blank line: two kernels, 700 launches, 10,000 ns.
    #expect(r.kernels.count == 2 && r.instances == 700 && r.totalNS == 10_000)
    let n = try #require(r.nsys)
    #expect(n.ranges.map(\.name) == [":execute_model", ":sample"])
    #expect(n.ranges.first?.instances == 10 && n.ranges.first?.totalNS == 90_000)
    #expect(n.apiCalls.map(\.calls) == [700, 3])
    #expect(n.graphLaunches == 0 && n.kernelLaunches == 700)
    #expect(r.findings.contains { $0.id == "no_cuda_graph_launches" })
  }

  /// The same reports as `nsys stats` prints them without `--format csv`.
  static let textBundle = """
    Processing [/tmp/r.sqlite] with [/opt/nvidia/nsight-systems/reports/nvtx_sum.py]...

     ** NVTX Range Summary (nvtx_sum):

     Time (%)  Total Time (ns)  Instances  Avg (ns)  Med (ns)  Min (ns)  Max (ns)  StdDev (ns)   Style         Range
     --------  ---------------  ---------  --------  --------  --------  --------  -----------  -------  --------------
         90.0           90,000         10   9,000.0   9,000.0     8,000    10,000        500.0  PushPop  :execute_model
         10.0           10,000         10   1,000.0   1,000.0       900     1,100         50.0  PushPop  :sample

    Processing [/tmp/r.sqlite] with [/opt/nvidia/nsight-systems/reports/cuda_api_sum.py]...

     ** CUDA API Summary (cuda_api_sum):

     Time (%)  Total Time (ns)  Num Calls  Avg (ns)  Med (ns)  Min (ns)  Max (ns)  StdDev (ns)           Name
     --------  ---------------  ---------  --------  --------  --------  --------  -----------  ----------------------
         60.0            6,000          2   3,000.0   3,000.0     2,900     3,100        100.0  cudaGraphLaunch_v10000
         40.0            4,000        400      10.0      10.0         9        12          1.0  cudaLaunchKernel

    """

  @Test func textTablesOfABundle() throws {
    let r = try KernelInput.report(Array(Self.textBundle.utf8))
    #expect(r.kind == .nsysStats && r.kernels.isEmpty)
    let n = try #require(r.nsys)
    #expect(n.ranges.map(\.name) == [":execute_model", ":sample"] && n.ranges.map(\.instances) == [10, 10])
    #expect(n.ranges.first?.totalNS == 90_000 && n.ranges.first?.minNS == 8_000)
    #expect(n.apiCalls.map(\.name) == ["cudaGraphLaunch_v10000", "cudaLaunchKernel"])
    #expect(n.graphLaunches == 2 && n.kernelLaunches == 400)
    // Graphs are launched, so no finding about their absence.
    #expect(!r.findings.contains { $0.id == "no_cuda_graph_launches" })
  }

  @Test func rangesWithoutKernelsAreTheirOwnKind() throws {
    let nvtx = Self.bundle.split(separator: "\n").suffix(3).joined(separator: "\n")
    let r = try KernelInput.report(Array(nvtx.utf8))
    #expect(r.kind == .nsysStats && r.kernels.isEmpty && r.nsys?.ranges.count == 2)
  }
}
