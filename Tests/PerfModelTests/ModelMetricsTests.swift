import Foundation
import Testing

@testable import PerfModel

/// Config → deployment → components → figures, end to end, against the generated vectors (vLLM 0.33 run on
/// Llama-3-8B-like and Qwen3-30B-A3B-like configs whose fields equal the real configs in the fixtures).
@Suite struct ModelMetricsTests {
  /// The generated vectors, with the deployment encoded in their source (`generated:<model>:<options JSON>`).
  static func generatedVectors() throws -> [PerfVectorTests.Vector] {
    try PerfVectorTests.loadVectors().filter { $0.source.hasPrefix("generated:") }
  }

  static func deployment(_ source: String) throws -> (config: String, deployment: Deployment) {
    let parts = source.split(separator: ":", maxSplits: 2).map(String.init)
    let options = try #require(try JSONSerialization.jsonObject(with: Data(parts[2].utf8)) as? [String: Any])
    let d = Deployment(
      tensorParallelSize: options["tensor_parallel_size"] as? Int ?? 1,
      pipelineParallelSize: options["pipeline_parallel_size"] as? Int ?? 1,
      dataParallelSize: options["data_parallel_size"] as? Int ?? 1,
      enableExpertParallel: options["enable_expert_parallel"] as? Bool ?? false,
      kvCacheDtype: options["cache_dtype"] as? String ?? "auto")
    let config = parts[1] == "llama3_8b_like" ? "meta-llama--Meta-Llama-3.1-8B" : "Qwen--Qwen3-30B-A3B"
    return (config, d)
  }

  @Test func generatedVectorsCoverBothModels() throws {
    let v = try Self.generatedVectors()
    #expect(v.count == 60)  // 135 − the 75 vectors of vLLM's tests (spec Appendix A, V1–V75)
  }

  @Test(arguments: try ModelMetricsTests.generatedVectors())
  func realConfigReproducesGeneratedVector(_ v: PerfVectorTests.Vector) throws {
    let (name, deployment) = try Self.deployment(v.source)
    let config = try ModelConfigTests.load(SharedFiles.config(name))
    let metrics = try ModelMetrics(config: config, deployment: deployment)
    let report = try metrics.evaluate(ExecutionContext(v.requests), perGPU: v.perGPU)
    let row = try #require(report.rows.first { $0.component == v.component })
    #expect(row.vllmSkipReason == nil)
    if let e = v.expected["flops"] { #expect(PerfVectorTests.dictionary(row.breakdown.flops) == e, "\(v)") }
    if let e = v.expected["read_bytes"] { #expect(PerfVectorTests.dictionary(row.breakdown.readBytes) == e, "\(v)") }
    if let e = v.expected["write_bytes"] {
      #expect(PerfVectorTests.dictionary(row.breakdown.writeBytes) == e, "\(v)")
    }
  }

  @Test func gptOssVLLMTotalsBillOnlyTheLMHead() throws {
    let config = try ModelConfigTests.load(SharedFiles.config("openai--gpt-oss-120b"))
    let metrics = try ModelMetrics(config: config, deployment: Deployment(tensorParallelSize: 4))
    var ctx = ExecutionContext()
    ctx.add(numTokens: 1, contextLength: 1000, isPrefill: false)
    let r = try metrics.evaluate(ctx)
    // LM head per GPU, one logits token: V/tp = 201088/4 = 50272; flops 2·1·2880·50272 = 289566720;
    // reads 1·2880·2 + 2880·50272·2 = 5760 + 289566720; writes 1·50272·2 = 100544.
    #expect(r.vllmTotals == PerfReport.Totals(flops: 289_566_720, readBytes: 289_572_480, writeBytes: 100_544))
    #expect(r.totals.flops > r.vllmTotals.flops)
    #expect(r.rows.map(\.component) == ["attn", "ffn", "unembed"])
  }

  @Test func jsonHasExactIntegersAndVLLMKeys() throws {
    let config = try ModelConfigTests.load(SharedFiles.tinyLlama)
    let metrics = try ModelMetrics(config: config, deployment: Deployment())
    var ctx = ExecutionContext()
    ctx.add(numTokens: 8, contextLength: 8, isPrefill: true)
    let report = try metrics.evaluate(ctx)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
    let components = try #require(object["components"] as? [String: [String: [String: Int]]])
    #expect(Set(components.keys) == ["attn", "ffn", "unembed"])
    // Tiny Llama (L 4, D 256, H 4, KV 2, d 64), 8 prefill tokens: qkv_proj = 2·8·256·(4+2·2)·64·4 = 8388608.
    #expect(components["attn"]?["flops"]?["qkv_proj"] == 8_388_608)
    // dense_ffn = 2·256·3·688·8·4 = 33816576.
    #expect(components["ffn"]?["flops"]?["dense_ffn"] == 33_816_576)
    let totals = try #require(object["totals"] as? [String: Int])
    #expect(totals["flops"] == report.totals.flops)
    #expect(object["vllm_totals"] as? [String: Int] == totals)
  }
}
