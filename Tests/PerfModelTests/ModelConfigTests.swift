import Foundation
import Testing

@testable import PerfModel

/// Real Hugging Face configs read into spec §4.3's parameters. Expected values are read off the config files
/// by hand (derived ones worked in the comments).
@Suite struct ModelConfigTests {
  static func load(_ path: String) throws -> ModelConfig {
    try ModelConfig(data: try Data(contentsOf: URL(fileURLWithPath: path)), source: path)
  }

  static func parse(_ json: String, source: String = "test.json") throws(ConfigError) -> ModelConfig {
    try ModelConfig(data: Data(json.utf8), source: source)
  }

  @Test(arguments: SharedFiles.allConfigs)
  func everyRealConfigLoadsAndBuildsItsComponents(_ name: String) throws {
    let c = try Self.load(SharedFiles.config(name))
    let m = try ModelMetrics(config: c, deployment: Deployment())
    #expect(m.components.count == 3)
    #expect(m.omitted.isEmpty)
  }

  @Test func llama31With8BHasGQAAndDerivedHeadDim() throws {
    let c = try Self.load(SharedFiles.config("meta-llama--Meta-Llama-3.1-8B"))
    #expect(c.numHiddenLayers == 32 && c.hiddenSize == 4096 && c.numAttentionHeads == 32)
    #expect(c.numKeyValueHeads == 8)
    #expect(c.headDim == 128)  // no head_dim key: 4096 / 32
    #expect(c.vocabSize == 128256 && c.intermediateSize == 14336)
    #expect(c.numExperts == 0 && c.numMoELayers == 0)
    #expect(c.configDtype == "bfloat16" && c.slidingWindow == nil && c.mla == nil && c.quantization == nil)
  }

  @Test func llama2IsMultiHeadInFloat16() throws {
    let c = try Self.load(SharedFiles.config("meta-llama--Llama-2-7b-hf"))
    #expect(c.numKeyValueHeads == 32 && c.headDim == 128 && c.configDtype == "float16")
  }

  @Test func qwen25WindowIsOffWhenUseSlidingWindowIsFalse() throws {
    let c = try Self.load(SharedFiles.config("Qwen--Qwen2.5-7B"))
    #expect(c.slidingWindow == nil)  // sliding_window 131072 but use_sliding_window false
    #expect(c.numSWALayers(window: c.slidingWindow) == 0)
    #expect(c.headDim == 128)  // 3584 / 28
    #expect(c.numKeyValueHeads == 4)
  }

  @Test func qwen3MoEHasEveryLayerMoE() throws {
    let c = try Self.load(SharedFiles.config("Qwen--Qwen3-30B-A3B"))
    #expect(c.numExperts == 128 && c.numExpertsPerTok == 8 && c.moeIntermediateSize == 768)
    #expect(c.numMoELayers == 48 && c.numSharedExperts == 0 && c.headDim == 128)
  }

  @Test func mixtralReadsLocalExpertsAndFallsBackToIntermediateSize() throws {
    let c = try Self.load(SharedFiles.config("mistralai--Mixtral-8x7B-v0.1"))
    #expect(c.numExperts == 8 && c.numExpertsPerTok == 2)
    #expect(c.moeIntermediateSize == 14336)  // no moe_intermediate_size: intermediate_size
    #expect(c.numMoELayers == 32 && c.slidingWindow == nil)
  }

  @Test func deepSeekV3IsMLAWithDenseFirstLayersAndFP8() throws {
    let c = try Self.load(SharedFiles.config("deepseek-ai--DeepSeek-V3"))
    let mla = try #require(c.mla)
    #expect(mla.kvLoraRank == 512 && mla.qkNopeHeadDim == 128 && mla.qkRopeHeadDim == 64)
    #expect(mla.vHeadDim == 128 && mla.qLoraRank == 1536)
    #expect(c.numExperts == 256 && c.numSharedExperts == 1 && c.numExpertsPerTok == 8)
    // first_k_dense_replace 3, moe_layer_freq 1: layers 3…60 → 58.
    #expect(c.numMoELayers == 58)
    #expect(c.quantization?.method == "fp8")
    let m = try ModelMetrics(config: c, deployment: Deployment())
    #expect(m.components.map(\.model.name) == ["mla_attn", "ffn", "unembed"])
    #expect(m.components.allSatisfy { $0.vllmSkipReason == nil })
    guard case .ffn(let ffn) = m.components[1].model else { throw CocoaError(.featureUnsupported) }
    #expect(ffn.weightByteSize == .int(1))
  }

  @Test func gptOssHasHalfSlidingLayersAndAQuantizationVLLMDoesNotKnow() throws {
    let c = try Self.load(SharedFiles.config("openai--gpt-oss-120b"))
    #expect(c.numHiddenLayers == 36 && c.hiddenSize == 2880 && c.headDim == 64 && c.numKeyValueHeads == 8)
    #expect(c.slidingWindow == 128 && c.numSWALayers(window: 128) == 18)
    #expect(c.numExperts == 128 && c.numExpertsPerTok == 4 && c.moeIntermediateSize == 2880)
    #expect(c.configDtype == nil)
    let q = try #require(c.quantization)
    #expect(q.vllmName(modelType: c.modelType) == "gpt_oss_mxfp4")
    let m = try ModelMetrics(config: c, deployment: Deployment())
    #expect(m.dtype == "bfloat16")
    #expect(m.components.map { $0.vllmSkipReason != nil } == [true, true, false])
    guard case .attention(let attn) = m.components[0].model, case .ffn(let ffn) = m.components[1].model else {
      throw CocoaError(.featureUnsupported)
    }
    #expect(attn.weightByteSize == .int(2))  // modules_to_not_convert lists self_attn
    #expect(ffn.weightByteSize == .float(0.5))
  }

  @Test func gemma4ReadsTheNestedTextConfig() throws {
    let c = try Self.load(SharedFiles.config("google--gemma-4-26B-A4B"))
    #expect(c.modelType == "gemma4" && c.textModelType == "gemma4_text")
    #expect(c.numHiddenLayers == 30 && c.hiddenSize == 2816 && c.numAttentionHeads == 16)
    #expect(c.numKeyValueHeads == 8 && c.headDim == 256 && c.vocabSize == 262144)
    #expect(c.slidingWindow == 1024 && c.numSWALayers(window: 1024) == 25)  // 5 of every 6 layers
    #expect(c.numExperts == 128 && c.numExpertsPerTok == 8 && c.moeIntermediateSize == 704)  // top_k_experts
    #expect(c.tieWordEmbeddings)
    // transformers' Gemma4TextConfig: the 5 full_attention layers (5, 11, …, 29) take global_head_dim 512 and,
    // under attention_k_eq_v, num_global_key_value_heads 2; vLLM's whole-model figures are the max (512, 8).
    let layers = try #require(c.layerAttention)
    let full = layers.indices.filter { !layers[$0].isSliding }
    #expect(full == [5, 11, 17, 23, 29])
    #expect(full.allSatisfy { layers[$0].headDim == 512 && layers[$0].numKeyValueHeads == 2 && layers[$0].keyIsValue })
    #expect(layers.filter(\.isSliding).allSatisfy { $0.headDim == 256 && $0.numKeyValueHeads == 8 && !$0.keyIsValue })
    #expect(c.wholeModelHeadDim == 512 && c.wholeModelKeyValueHeads == 8)
    #expect(c.denseMLPBesideMoE && c.numKVSharedLayers == 0)
    // Without attention_k_eq_v the full layers keep num_key_value_heads.
    let noKEqV = try Self.parse(
      #"{"model_type": "gemma4_text", "num_hidden_layers": 2, "head_dim": 64, "global_head_dim": 128, "#
        + #""num_global_key_value_heads": 1, "num_key_value_heads": 4, "sliding_window": 16, "#
        + #""layer_types": ["sliding_attention", "full_attention"], \#(Self.base)}"#)
    #expect(noKEqV.layerAttention?.map(\.numKeyValueHeads) == [4, 4])
    #expect(noKEqV.layerAttention?.map(\.headDim) == [64, 128])
    // Other models are homogeneous.
    #expect(try Self.load(SharedFiles.config("meta-llama--Meta-Llama-3.1-8B")).layerAttention == nil)
  }

  @Test func tinyLlamaOfTheCPURuns() throws {
    let c = try Self.load(SharedFiles.tinyLlama)
    #expect(c.numHiddenLayers == 4 && c.hiddenSize == 256 && c.numAttentionHeads == 4)
    #expect(c.numKeyValueHeads == 2 && c.headDim == 64 && c.vocabSize == 8192)
  }

  static let base = #""hidden_size": 2048, "num_attention_heads": 16, "vocab_size": 1000"#

  @Test func gemma2RuleCountsHalfTheLayersRoundedUp() throws {
    let c = try Self.parse(#"{"model_type": "gemma2", "num_hidden_layers": 26, "sliding_window": 4096, \#(Self.base)}"#)
    #expect(c.numSWALayers(window: c.slidingWindow) == 13)
  }

  @Test func uniformSlidingWindowCoversEveryLayer() throws {
    let c = try Self.parse(
      #"{"model_type": "mistral", "num_hidden_layers": 32, "sliding_window": 4096, \#(Self.base)}"#)
    #expect(c.numSWALayers(window: 4096) == 32)
    #expect(c.numSWALayers(window: nil) == 0)
  }

  @Test func interleavedMoELayers() throws {
    // Llama-4 style: step 4 over 32 layers → layers 3, 7, …, 31 → 8.
    let c = try Self.parse(
      #"{"text_config": {"num_hidden_layers": 32, "num_local_experts": 16, "num_experts_per_tok": 1, "#
        + #""interleave_moe_layer_step": 4, \#(Self.base)}}"#)
    #expect(c.numMoELayers == 8)
  }

  @Test func moeLayerFrequencyWithDenseFirstLayers() throws {
    // 30 layers, first_k_dense_replace 6, moe_layer_freq 3 → 6, 9, …, 27 → 8.
    let c = try Self.parse(
      #"{"num_hidden_layers": 30, "n_routed_experts": 64, "num_experts_per_tok": 6, "moe_intermediate_size": 1408, "#
        + #""first_k_dense_replace": 6, "moe_layer_freq": 3, \#(Self.base)}"#)
    #expect(c.numMoELayers == 8)
  }

  @Test func headDimFallsBackToHiddenSizePerHead() throws {
    let c = try Self.parse(
      #"{"num_hidden_layers": 2, "head_dim": null, "hidden_size_per_head": 96, "num_key_value_heads": 4, \#(Self.base)}"#
    )
    #expect(c.headDim == 96 && c.numKeyValueHeads == 4)
  }

  @Test func kvHeadAliasesAndHeterogeneousExpertLists() throws {
    let c = try Self.parse(
      #"{"num_hidden_layers": 2, "multi_query_group_num": 2, "num_experts": [8, 16, 0], "top_k": 2, \#(Self.base)}"#)
    #expect(c.numKeyValueHeads == 2 && c.numExperts == 16 && c.numExpertsPerTok == 2)
  }

  @Test func missingRequiredKeyNamesFileAndKey() {
    #expect(
      throws: ConfigError(source: "broken.json", problem: "missing required key 'num_hidden_layers' in the config")
    ) {
      try Self.parse(#"{\#(Self.base)}"#, source: "broken.json")
    }
    #expect(throws: ConfigError(source: "mm.json", problem: "missing required key 'vocab_size' in text_config")) {
      try Self.parse(
        #"{"text_config": {"hidden_size": 8, "num_attention_heads": 1, "num_hidden_layers": 1}}"#, source: "mm.json")
    }
  }

  @Test func wrongTypesAndBrokenJSONAreReported() {
    #expect(throws: ConfigError.self) { try Self.parse(#"{"num_hidden_layers": "32", \#(Self.base)}"#) }
    #expect(throws: ConfigError.self) { try Self.parse("{not json") }
    #expect(throws: ConfigError.self) { try Self.parse("[1, 2]") }
  }

  @Test func zeroHeadsAreReportedBeforeAnyDivision() {
    #expect(
      throws: ConfigError(
        source: "zero.json", problem: "key 'num_attention_heads' should be an integer from 1 to 65536, found 0")
    ) {
      try Self.parse(
        #"{"hidden_size": 4096, "num_attention_heads": 0, "num_hidden_layers": 32, "vocab_size": 32000}"#,
        source: "zero.json")
    }
  }

  @Test(arguments: [
    ("num_hidden_layers", "4.6e18"), ("hidden_size", "4611686018427387904"), ("vocab_size", "1e9"),
    ("num_key_value_heads", "70000"), ("intermediate_size", "-5"), ("num_local_experts", "[8, 1000000]"),
    ("kv_lora_rank", "1e12"), ("num_hidden_layers", "100001"),
  ])
  func absurdSizesAreConfigErrorsNamingTheKey(_ key: String, _ value: String) {
    let sizes = [
      "hidden_size": "4096", "num_attention_heads": "32", "num_hidden_layers": "32", "vocab_size": "32000",
      "qk_nope_head_dim": "128", "qk_rope_head_dim": "64", "v_head_dim": "128",
    ].merging([key: value]) { $1 }
    let json = "{" + sizes.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + "}"
    do {
      _ = try Self.parse(json, source: "absurd.json")
      Issue.record("\(key) \(value) was accepted")
    } catch {
      #expect(error.source == "absurd.json")
      #expect(error.problem.contains("'\(key)'") && error.problem.contains("an integer from"), "\(error)")
    }
  }

  @Test func largestAcceptedSizesPlanWithoutOverflow() throws {
    let c = try Self.parse(
      #"{"hidden_size": 16777216, "num_attention_heads": 65536, "num_hidden_layers": 100000, "#
        + #""vocab_size": 67108864, "head_dim": 16777216}"#)
    // 2 × 65,536 × 2^24 × 4 bytes per token and layer, × 65,536-token blocks × 100,000 layers: past Int.max.
    #expect(throws: ConfigError.self) {
      try KVCachePlan(config: c, deployment: Deployment(dtype: "float32"), blockSize: 1 << 16)
    }
    let plan = try KVCachePlan(config: c, deployment: Deployment(dtype: "float32"), blockSize: 1)
    #expect(plan.bytesPerTokenPerLayer == 2 * 65_536 * 16_777_216 * 4)
    let w = try WeightEstimate(config: c, deployment: Deployment())
    #expect(w.totalBytes.isFinite && w.totalBytes > 0)
  }

  @Test func quantizationNamesAndByteSizes() throws {
    let c = try Self.parse(
      #"{"num_hidden_layers": 2, \#(Self.base), "quantization_config": {"quant_method": "compressed-tensors", "#
        + #""config_groups": {"group_0": {"weights": {"num_bits": 8}}}}}"#)
    let m = try ModelMetrics(config: c, deployment: Deployment())
    // perf.py knows compressed-tensors (0.5 byte), so vLLM bills it and ProfileMate keeps vLLM's value.
    guard case .attention(let attn) = m.components[0].model else { throw CocoaError(.featureUnsupported) }
    #expect(attn.weightByteSize == .float(0.5))
    #expect(QuantizationTable.correctedByteSize(try #require(c.quantization)) == .int(1))
    #expect(throws: ConfigError.self) {
      try ModelMetrics(config: c, deployment: Deployment(quantization: "no_such_method"))
    }
    let fp8 = try ModelMetrics(config: c, deployment: Deployment(quantization: "fp8"))
    guard case .ffn(let ffn) = fp8.components[1].model else { throw CocoaError(.featureUnsupported) }
    #expect(ffn.weightByteSize == .int(1))
  }

  @Test func dtypesFollowVLLM() throws {
    let c = try Self.parse(#"{"num_hidden_layers": 2, "torch_dtype": "float32", \#(Self.base)}"#)
    #expect(try ModelMetrics(config: c, deployment: Deployment()).dtype == "bfloat16")
    let f32 = try ModelMetrics(config: c, deployment: Deployment(dtype: "float32", kvCacheDtype: "fp8_e4m3"))
    guard case .attention(let attn) = f32.components[0].model else { throw CocoaError(.featureUnsupported) }
    #expect(attn.activationByteSize == 4 && attn.cacheByteSize == 1 && attn.weightByteSize == .int(4))
    #expect(throws: ConfigError.self) { try ModelMetrics(config: c, deployment: Deployment(dtype: "int3")) }
  }
}
