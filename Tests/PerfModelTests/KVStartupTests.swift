import Foundation
import ProfileMateCore
import Testing

@testable import PerfModel

/// Every real start-up in ../shared, reproduced twice: from the log's own figures (available KV memory or the
/// pool's block count, and its block size) exactly, and from the datasheet alone within 10 %.
///
/// Expected figures are the log lines themselves; the arithmetic behind each check is worked out in the
/// comments and in `Fixtures/kv_startups.py` (plain Python, no ProfileMate code).
@Suite struct KVStartupTests {
  static let gib = 1_073_741_824.0

  static func plan(
    _ name: String, _ deployment: Deployment = Deployment(), blockSize: Int = 16, batched: Int = 8192
  ) throws -> KVCachePlan {
    let config = try ModelConfigTests.load(SharedFiles.config(name))
    return try KVCachePlan(config: config, deployment: deployment, blockSize: blockSize, maxNumBatchedTokens: batched)
  }

  // MARK: from the log's figures, exactly

  @Test func qwen2On0_10_1_1FromItsLog() throws {
    // v1-0.10.1.1-qwen2-7b log: "Available KV cache memory: 5.01 GiB", "GPU KV cache size: 93,872 tokens",
    // "Maximum concurrency for 16,384 tokens per request: 5.73x", "num_gpu_blocks is: 5867". Qwen2-7B-Instruct
    // has the dimensions of the Qwen2.5-7B config in ../shared (28 layers, 4 KV heads of 128, bf16).
    let plan = try Self.plan("Qwen--Qwen2.5-7B", batched: 2048)
    // 2 × 4 × 128 × 2 B = 2,048 B per token and layer; one group of 28 layers; 16 × 2,048 × 28 = 917,504 B a block.
    #expect(plan.bytesPerTokenPerLayer == 2048 && plan.groupSize == 28 && plan.numGroups == 1)
    #expect(plan.numBlocks(loggedGiB: 5.01).contains(5867))
    #expect(plan.capacityTokens(numBlocks: 5867, maxModelLen: 16384, rule: .blocksPerGroup) == 93_872)
    #expect(String(format: "%.2f", plan.maxConcurrency(numBlocks: 5867, maxModelLen: 16384)) == "5.73")
    #expect(plan.usableBlocks(numBlocks: 5867) == 5866)
  }

  @Test func gptOss120bOn0_10_1_1FromItsLog() throws {
    // v1-0.10.1.1-gpt-oss-120b log (TP 4, max_num_batched_tokens 2048): "Available KV cache memory: 45.32 GiB",
    // "GPU KV cache size: 2,640,144 tokens", "Maximum concurrency for 16,384 tokens per request: 284.25x",
    // "num_gpu_blocks is: 330018".
    let plan = try Self.plan("openai--gpt-oss-120b", Deployment(tensorParallelSize: 4), batched: 2048)
    #expect(plan.numBlocks(loggedGiB: 45.32).contains(330_018))
    // 330,018 // 2 groups × 16 = 2,640,144; per request 1,024 full + (cdiv(127 + 2,048, 16) + 1 = 137) sliding.
    #expect(plan.capacityTokens(numBlocks: 330_018, maxModelLen: 16384, rule: .blocksPerGroup) == 2_640_144)
    #expect(plan.blocksPerRequest(maxModelLen: 16384) == 1161)
    #expect(String(format: "%.2f", plan.maxConcurrency(numBlocks: 330_018, maxModelLen: 16384)) == "284.25")
  }

  @Test func vllmCPURunFromItsLog() throws {
    // run1-info-2048/server.log (vLLM 0.32 CPU): "Explicitly set (2.0/11.46) GiB for KV cache", "CPU KV cache size:
    // 1,048,576 tokens, Maximum concurrency for 2,048 tokens per request: 512.00x"; cache_config_info of the
    // DEBUG runs: "num_gpu_blocks is: 8192" — the CPU block size is 128.
    let config = try ModelConfigTests.load(SharedFiles.tinyLlama)
    let plan = try KVCachePlan(config: config, deployment: Deployment(), blockSize: KVCachePlan.cpuDefaultBlockSize)
    // 2 GiB / (128 × 512 B × 4 layers) = 8,192 blocks → 8,192 × 128 = 1,048,576 tokens; 8,192 / 16 = 512.
    let blocks = plan.numBlocks(.cpuKVCacheSpaceGiB(2))
    #expect(blocks == 8192)
    #expect(plan.capacityTokens(numBlocks: blocks, maxModelLen: 2048) == 1_048_576)
    #expect(String(format: "%.2f", plan.maxConcurrency(numBlocks: blocks, maxModelLen: 2048)) == "512.00")
    // The other CPU knobs: an override wins outright; --kv-cache-memory-bytes is bytes.
    #expect(plan.numBlocks(.blocksOverride(40)) == 40)
    #expect(plan.numBlocks(.kvCacheMemoryBytes(1 << 30)) == 4096)
    // Neither set: ceil(16 GiB × 0.9) − 1 GiB of RSS = 14,388,140,442 B → // 65,536 // 4 = 54,886 blocks.
    #expect(
      plan.numBlocks(.cpuAuto(nodeMemoryBytes: 16 * Self.gib, utilization: 0.9, consumedBytes: Self.gib)) == 54886)
  }

  @Test func v0LogsFromTheirMemoryProfilingLines() throws {
    // v0-fork-0.6.3 Llama-2-13B (fp16, 40 layers, 40 heads of 128): "kv_cache_size=32.20GiB",
    // "# GPU blocks: 2637", "Maximum concurrency for 4096 tokens per request: 10.30x".
    let llama13 = try ModelConfigTests.parse(
      #"{"model_type": "llama", "hidden_size": 5120, "num_attention_heads": 40, "num_hidden_layers": 40, "#
        + #""vocab_size": 32000, "intermediate_size": 13824, "torch_dtype": "float16"}"#)
    let p13 = try KVCachePlan(config: llama13, deployment: Deployment())
    #expect(p13.numBlocks(loggedGiB: 32.20).contains(2637))
    #expect(String(format: "%.2f", p13.maxConcurrency(numBlocks: 2637, maxModelLen: 4096)) == "10.30")
    // OPT-1.3B (fp16, 24 layers, 32 heads of 64): "kv_cache_size=10.93GiB", "# GPU blocks: 3731",
    // "Maximum concurrency for 2048 tokens per request: 29.15x".
    let opt = try ModelConfigTests.parse(
      #"{"model_type": "opt", "hidden_size": 2048, "num_attention_heads": 32, "num_hidden_layers": 24, "#
        + #""vocab_size": 50272, "ffn_dim": 8192, "torch_dtype": "float16"}"#)
    let pOpt = try KVCachePlan(config: opt, deployment: Deployment())
    #expect(pOpt.numBlocks(loggedGiB: 10.93).contains(3731))
    #expect(String(format: "%.2f", pOpt.maxConcurrency(numBlocks: 3731, maxModelLen: 2048)) == "29.15")
    // The rounded GiB leaves a handful of block counts open, no more.
    #expect(pOpt.numBlocks(loggedGiB: 10.93).count <= 5)
  }

  // MARK: from the datasheet, within 10 %

  struct Case: Sendable, CustomStringConvertible {
    let name: String
    let config: String
    let gpu: String
    let deployment: Deployment
    let utilization: Double
    let batched: Int
    let seqs: Int
    let maxModelLen: Int
    /// The log's "GPU KV cache size" and "Model loading took … GiB".
    let loggedTokens: Int
    let loggedWeightsGiB: Double
    var description: String { name }
  }

  static let cases: [Case] = [
    // A100 80GB at 0.25, vLLM 0.10.1.1 defaults on an A100 for the API server: 2,048 batched tokens, 256 seqs.
    Case(
      name: "Qwen2-7B 0.10.1.1 A100 0.25", config: "Qwen--Qwen2.5-7B", gpu: "A100-80GB", deployment: Deployment(),
      utilization: 0.25, batched: 2048, seqs: 256, maxModelLen: 16384, loggedTokens: 93_872, loggedWeightsGiB: 14.2488),
    // 4 × A100 80GB over Ray at 0.8.
    Case(
      name: "gpt-oss-120b 0.10.1.1 4×A100 0.8", config: "openai--gpt-oss-120b", gpu: "A100-80GB",
      deployment: Deployment(tensorParallelSize: 4), utilization: 0.8, batched: 2048, seqs: 256, maxModelLen: 16384,
      loggedTokens: 2_640_144, loggedWeightsGiB: 17.2217),
    // 4 GPUs of 0.15.0's run: 17.19 + 100.66 GiB at the default 0.9 is only possible on an H200-class part.
    Case(
      name: "gpt-oss-120b 0.15.0 4×H200 0.9", config: "openai--gpt-oss-120b", gpu: "H200",
      deployment: Deployment(tensorParallelSize: 4), utilization: 0.9, batched: 8192, seqs: 1024,
      maxModelLen: 131_072, loggedTokens: 5_863_776, loggedWeightsGiB: 17.19),
  ]

  @Test(arguments: cases)
  func datasheetPredictionIsWithinTenPercent(_ c: Case) throws {
    let config = try ModelConfigTests.load(SharedFiles.config(c.config))
    let spec = try #require(GPUCatalog.lookup(c.gpu))
    let budget = try KVMemoryBudget(
      config: config, deployment: c.deployment, deviceMemoryBytes: spec.deviceMemoryBytes,
      gpuMemoryUtilization: c.utilization, maxNumBatchedTokens: c.batched, maxNumSeqs: c.seqs)
    let plan = try KVCachePlan(
      config: config, deployment: c.deployment, blockSize: 16, maxNumBatchedTokens: c.batched)
    let blocks = plan.numBlocks(.availableBytes(Int(budget.availableBytes)))
    let tokens = plan.capacityTokens(numBlocks: blocks, maxModelLen: c.maxModelLen, rule: .blocksPerGroup)
    let error = Double(tokens - c.loggedTokens) / Double(c.loggedTokens)
    print("\(c): predicted \(tokens) tokens, logged \(c.loggedTokens), error \(String(format: "%+.1f", error * 100)) %")
    #expect(abs(error) < 0.10, "\(c): \(tokens) vs \(c.loggedTokens)")
    // The weight estimate alone is within 4 % of what the log says the weights took.
    let weightError = budget.weightsBytes / Self.gib / c.loggedWeightsGiB - 1
    #expect(abs(weightError) < 0.04, "\(c): weights \(budget.weightsBytes / Self.gib) GiB")
  }

  @Test func theDatasheetGigabyteIsNotWhatVLLMSees() throws {
    // The A100 80GB's 80·10⁹ bytes are 74.51 GiB; the driver reports 79.15 GiB (vLLM's profiling line).
    let spec = try #require(GPUCatalog.lookup("A100-80GB"))
    #expect(String(format: "%.2f", spec.memoryBytes / Self.gib) == "74.51")
    #expect(String(format: "%.2f", spec.deviceMemoryBytes / Self.gib) == "79.15")
    // A part without a documented driver figure falls back to the datasheet, and says so.
    let l4 = try #require(GPUCatalog.lookup("L4"))
    #expect(l4.deviceMemoryBytes == l4.memoryBytes && l4.deviceMemorySource.hasPrefix("datasheet"))
  }

  @Test func tiedEmbeddingsAreCountedOnce() throws {
    // A Gemma 2 config without the key ties by default (transformers' Gemma2Config): the 256,000 × 2,304 bf16
    // vocabulary matrix is counted once, 1,179,648,000 B; an untied Llama-style config counts it twice.
    let gemma = try ModelConfigTests.parse(
      #"{"model_type": "gemma2", "hidden_size": 2304, "num_attention_heads": 8, "num_key_value_heads": 4, "#
        + #""head_dim": 256, "num_hidden_layers": 26, "vocab_size": 256000, "intermediate_size": 9216, "#
        + #""torch_dtype": "bfloat16"}"#)
    #expect(gemma.tieWordEmbeddings)
    #expect(try WeightEstimate(config: gemma, deployment: Deployment()).vocabularyBytes == 1_179_648_000)
    let llama = try ModelConfigTests.load(SharedFiles.config("meta-llama--Meta-Llama-3.1-8B"))
    #expect(!llama.tieWordEmbeddings)
    // 2 × 128,256 × 4,096 × 2 B.
    #expect(try WeightEstimate(config: llama, deployment: Deployment()).vocabularyBytes == 2_101_346_304)
  }
}
