import Foundation
import Testing

@testable import PerfModel

/// vLLM's own KV-cache lines, reproduced from the available KV memory it logged.
@Suite struct KVCachePlanTests {
  static let gib = 1_073_741_824

  @Test func vllm032CPURunOfTheTinyLlama() throws {
    // run1-info-2048/server.log: "Explicitly set (2.0/11.46) GiB for KV cache" →
    // "CPU KV cache size: 1,048,576 tokens, Maximum concurrency for 2,048 tokens per request: 512.00x".
    let config = try ModelConfigTests.load(SharedFiles.tinyLlama)
    let plan = try KVCachePlan(config: config, deployment: Deployment())
    // 2 KV heads × (64 + 64) × 2 bytes = 512 B per token and layer; 4 layers, one group.
    #expect(plan.bytesPerTokenPerLayer == 512 && plan.groupSize == 4 && plan.numGroups == 1)
    let blocks = plan.numBlocks(availableBytes: 2 * Self.gib)
    #expect(plan.capacityTokens(numBlocks: blocks, maxModelLen: 2048) == 1_048_576)
    #expect(String(format: "%.2f", plan.maxConcurrency(numBlocks: blocks, maxModelLen: 2048)) == "512.00")
  }

  @Test func vllm015GptOss120bOnFourGPUs() throws {
    // v1-0.15.0-gpt-oss-120b log: "Available KV cache memory: 100.66 GiB", "GPU KV cache size: 5,863,776 tokens",
    // "Maximum concurrency for 131,072 tokens per request: 84.12x" (max_num_batched_tokens=8192, TP 4).
    let config = try ModelConfigTests.load(SharedFiles.config("openai--gpt-oss-120b"))
    let plan = try KVCachePlan(
      config: config, deployment: Deployment(tensorParallelSize: 4), blockSize: 16, maxNumBatchedTokens: 8192)
    // 8 KV heads / 4 = 2 per rank × (64 + 64) × 2 B = 512 B; 18 full + 18 sliding layers → 2 groups of 18.
    #expect(plan.bytesPerTokenPerLayer == 512 && plan.groupSize == 18 && plan.numGroups == 2)
    // Per request: full 131072 / 16 = 8192 blocks; sliding cdiv(min(128 − 1 + 8192, 131072), 16) + 1 = 521.
    #expect(plan.blocksPerRequest(maxModelLen: 131_072) == 8713)

    // The logged GiB is rounded to 0.01: every byte count in [100.655, 100.665) GiB is possible, and the
    // printed token count must lie within what that interval gives.
    let low = plan.numBlocks(availableBytes: Int(100.655 * Double(Self.gib)))
    let high = plan.numBlocks(availableBytes: Int(100.665 * Double(Self.gib)))
    let tokensLow = plan.capacityTokens(numBlocks: low, maxModelLen: 131_072, rule: .blocksPerGroup)
    let tokensHigh = plan.capacityTokens(numBlocks: high, maxModelLen: 131_072, rule: .blocksPerGroup)
    #expect(tokensLow <= 5_863_776 && 5_863_776 <= tokensHigh)

    // 5,863,776 = (num_blocks // 2) × 16 → num_blocks 732,972 (or 732,973): that many blocks of 18 layers'
    // pages are 100.66 GiB when rounded, and give the logged line exactly.
    let bytes = 732_972 * 18 * 8192
    #expect(String(format: "%.2f", Double(bytes) / Double(Self.gib)) == "100.66")
    let blocks = plan.numBlocks(availableBytes: bytes)
    #expect(plan.capacityTokens(numBlocks: blocks, maxModelLen: 131_072, rule: .blocksPerGroup) == 5_863_776)
    #expect(String(format: "%.2f", plan.maxConcurrency(numBlocks: blocks, maxModelLen: 131_072)) == "84.12")

    // Treating the sliding layers as full (one group of 36) would have said 44.7x.
    let flat = try KVCachePlan(
      config: config, deployment: Deployment(tensorParallelSize: 4, disableSlidingWindow: true), blockSize: 16)
    let flatBlocks = flat.numBlocks(availableBytes: bytes)
    #expect(String(format: "%.1f", flat.maxConcurrency(numBlocks: flatBlocks, maxModelLen: 131_072)) == "44.7")
  }

  @Test func mlaKeepsOneLatentPerToken() throws {
    // Spec §7.2: DeepSeek-V3 bf16 latent (512 + 64) × 2 = 1152 B per token and layer, not divided by TP.
    let config = try ModelConfigTests.load(SharedFiles.config("deepseek-ai--DeepSeek-V3"))
    let plan = try KVCachePlan(config: config, deployment: Deployment(tensorParallelSize: 8))
    #expect(plan.bytesPerTokenPerLayer == 1152 && plan.groupSize == 61)
    let fp8 = try KVCachePlan(config: config, deployment: Deployment(tensorParallelSize: 8, kvCacheDtype: "fp8"))
    #expect(fp8.bytesPerTokenPerLayer == 576)
  }

  @Test func gemma4GroupsFiveSlidingLayersPerFullOne() throws {
    // 25 sliding + 5 full: sizes differ by more than 25 %, so groups of the smaller count (5) → 5 + 1 groups.
    let config = try ModelConfigTests.load(SharedFiles.config("google--gemma-4-26B-A4B"))
    let plan = try KVCachePlan(config: config, deployment: Deployment())
    #expect(plan.groupSize == 5 && plan.numGroups == 6)
    // Sliding layers: 2 × 8 KV heads × 256 × 2 B = 8,192 B a token; full layers (global_head_dim 512,
    // num_global_key_value_heads 2 under attention_k_eq_v): 2 × 2 × 512 × 2 B = 4,096 B. vLLM unifies the
    // pages at 16 × 8,192 B = 131,072 B, so a full-layer block holds 131,072 / 4,096 = 32 tokens.
    #expect(plan.bytesPerTokenPerLayer == 8192 && plan.pageBytes == 131_072)
    #expect(plan.kinds.map(\.blockSize) == [16, 32] && plan.kinds.map(\.groups) == [5, 1])
    // 25 × 8,192 + 5 × 4,096 = 225,280 B a token if every layer kept it; the full layers alone 20,480 B.
    #expect(plan.bytesPerTokenAllLayers == 225_280 && plan.fullBytesPerToken == 20_480)
    // One 131,072-token request (8,192 batched tokens): full cdiv(131,072, 32) = 4,096 blocks; each of the 5
    // sliding groups cdiv(min(1,023 + 8,192, 131,072), 16) + 1 = 577 → 4,096 + 2,885 = 6,981.
    #expect(plan.blocksPerRequest(maxModelLen: 131_072) == 6981)
    // 10 GiB: 10,737,418,240 // 131,072 // 5 = 16,384 blocks.
    #expect(plan.numBlocks(availableBytes: 10 * Self.gib) == 16384)
  }

  @Test func kvSharedLayersHoldNoCache() throws {
    // A Gemma-4-E2B-like text config: 35 layers, the last 20 reuse earlier layers' K/V, every fifth layer full.
    // Cached: layers 0…14 → 12 sliding (2 × 1 × 256 × 2 = 1,024 B a token) and 3 full (global 512: 2,048 B).
    let types = (0..<35).map { ($0 + 1) % 5 == 0 ? "\"full_attention\"" : "\"sliding_attention\"" }
    let config = try ModelConfigTests.parse(
      #"{"model_type": "gemma4_text", "num_hidden_layers": 35, "num_kv_shared_layers": 20, "head_dim": 256, "#
        + #""global_head_dim": 512, "num_key_value_heads": 1, "sliding_window": 512, "#
        + #""layer_types": [\#(types.joined(separator: ", "))], \#(ModelConfigTests.base)}"#)
    let plan = try KVCachePlan(config: config, deployment: Deployment())
    #expect(plan.layers.count == 15)
    #expect(plan.bytesPerTokenAllLayers == 12 * 1024 + 3 * 2048)
    // Pages: 16 × 2,048 B; sliding blocks hold 32 tokens. 12 sliding vs 3 full → groups of 3: 4 + 1.
    #expect(plan.kinds.map(\.blockSize) == [32, 16] && plan.numGroups == 5)
  }

  @Test func blocksPerRequestNearIntMaxDoesNotOverflow() throws {
    let config = try ModelConfigTests.load(SharedFiles.config("meta-llama--Llama-2-7b-hf"))
    let plan = try KVCachePlan(config: config, deployment: Deployment())
    #expect(plan.blocksPerRequest(maxModelLen: Int.max) == Int.max / 16 + 1)
    #expect(ceilDiv(Int.max, 1) == Int.max && ceilDiv(33, 16) == 3 && ceilDiv(32, 16) == 2)
  }

  @Test func largestStageFollowsVLLMsPipelinePartition() {
    // get_pp_indices: 22 layers over 4 stages → [5, 6, 6, 5]; 61 over 4 → [15, 15, 16, 15]; 3 over 2 → [2, 1].
    #expect(KVCachePlan.largestStage(layers: 22, pipelineParallelSize: 4) == 11..<17)
    #expect(KVCachePlan.largestStage(layers: 61, pipelineParallelSize: 4) == 30..<46)
    #expect(KVCachePlan.largestStage(layers: 3, pipelineParallelSize: 2) == 0..<2)
    #expect(KVCachePlan.largestStage(layers: 32, pipelineParallelSize: 4) == 24..<32)
    #expect(KVCachePlan.largestStage(layers: 32, pipelineParallelSize: 1) == 0..<32)
  }

  @Test func pipelineStageTakesItsOwnSlidingFullMix() throws {
    // Layers 11…16 (the third of [5, 6, 6, 5] stages) are sliding, every other layer full: the stage vLLM gives
    // six layers is all sliding, where the last six layers (16…21) would be one sliding and five full.
    let types = (0..<22).map { (11..<17).contains($0) ? "\"sliding_attention\"" : "\"full_attention\"" }
    let config = try ModelConfigTests.parse(
      #"{"num_hidden_layers": 22, "sliding_window": 512, "layer_types": [\#(types.joined(separator: ", "))], "#
        + #"\#(ModelConfigTests.base)}"#)
    let plan = try KVCachePlan(config: config, deployment: Deployment(pipelineParallelSize: 4))
    #expect(plan.layers == Array(repeating: .slidingWindow(512), count: 6))
    #expect(plan.numGroups == 1)
  }

  @Test func weightEstimateOfLlama70BOnFourGPUs() throws {
    // 80 × [8192·(2·16 + 2·2)·128 + 3·8192·28672/4] + 2·128256·8192/4 parameters, 2 bytes each:
    // 80 × (37,748,736 + 176,160,768) + 525,336,576 = 17,638,096,896 params → 35,276,193,792 B.
    let config = try ModelConfigTests.load(SharedFiles.config("meta-llama--Meta-Llama-3.1-70B"))
    let w = try WeightEstimate(config: config, deployment: Deployment(tensorParallelSize: 4))
    #expect(w.totalBytes == 35_276_193_792)
  }
}

/// Observed KV traffic against the pool: what would have sufficed, worked out by hand.
@Suite struct KVTrafficFitTests {
  @Test func gptOssPeakWithHeadroom() throws {
    let config = try ModelConfigTests.load(SharedFiles.config("openai--gpt-oss-120b"))
    let plan = try KVCachePlan(config: config, deployment: Deployment(tensorParallelSize: 4))
    // 50 % of 1,000 blocks = 500 in use; +20 % → 600 blocks × 8,192 B page × 18 layers per block = 88,473,600 B.
    let fit = KVTrafficFit(plan: plan, poolBlocks: 1000, peakUsagePct: 50, peakRunning: 10, headroom: 0.2)
    #expect(fit.peakBlocks == 500 && fit.neededBlocks == 600 && fit.neededBytes == 88_473_600)
    // 50 blocks per request: x + min(x, 9) = 50 → x = 41 blocks = 656 tokens, × 10 requests.
    #expect(abs((fit.peakTokens ?? 0) - 6560) < 0.01)
    // One request of L < 8,319 tokens needs cdiv(L, 16) full + cdiv(L, 16) + 1 sliding blocks (spec §7.3):
    // 2x + 1 ≤ 600 → x = 299 → 4,784 tokens; two requests: 2(2x + 1) ≤ 600 → x = 149 → 2,384.
    #expect(fit.maxModelLenOneRequest == 4784)
    #expect(plan.largestModelLen(numBlocks: 600, requests: 2) == 2384)
    #expect(plan.largestModelLen(numBlocks: 0, requests: 1) == 0)
    // 100 GB at 0.9 with 50 GB of KV → 40 GB non-KV; (40e9 + 88,473,600) / 100e9.
    #expect(abs(fit.utilization(memoryBytes: 100e9, runUtilization: 0.9, availableBytes: 50e9) - 0.400884736) < 1e-12)
  }
}
