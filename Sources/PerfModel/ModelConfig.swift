import Foundation
import StrictJSON

/// A Hugging Face `config.json` read into the model parameters perf.py and the KV planner use (spec §4.3).
///
/// Text models keep their parameters at the top level; multimodal wrappers nest them under `text_config`,
/// which is then the *text config* (vLLM's `hf_text_config`). Attention, vocabulary and MoE values come from
/// the text config; `model_type` and `quantization_config` from the top level first.
public struct ModelConfig: Sendable, Hashable {
  /// Multi-head latent attention dimensions (DeepSeek-style).
  public struct MLA: Sendable, Hashable {
    /// c: rank of the compressed KV latent.
    public var kvLoraRank: Int
    /// Non-rotary part of the query/key head.
    public var qkNopeHeadDim: Int
    /// Rotary part of the query/key head.
    public var qkRopeHeadDim: Int
    /// Value head dimension.
    public var vHeadDim: Int
    /// Rank of the query compression, or `nil` for a direct query projection.
    public var qLoraRank: Int?
  }

  /// Where the config came from (a path), for messages.
  public var source: String
  /// `model_type` of the top-level config (e.g. `llama`, `gemma2`, `gpt_oss`).
  public var modelType: String?
  /// `model_type` of the text config, when nested.
  public var textModelType: String?
  /// V: vocabulary size.
  public var vocabSize: Int
  /// D: hidden size.
  public var hiddenSize: Int
  /// Query heads.
  public var numAttentionHeads: Int
  /// Decoder layers.
  public var numHiddenLayers: Int
  /// KV heads (the first of vLLM's aliases; default: the query heads).
  public var numKeyValueHeads: Int
  /// Head dimension (`head_dim`, else `hidden_size_per_head`, else hidden / heads).
  public var headDim: Int
  /// The dtype the config declares (`torch_dtype` or `dtype`), if any.
  public var configDtype: String?
  /// The sliding window in tokens (`nil` when absent, `null`, or switched off by `use_sliding_window: false`).
  public var slidingWindow: Int?
  /// Per-layer attention kinds (`layer_types`), if the config lists them.
  public var layerTypes: [String]?
  /// MLA dimensions, when the model uses MLA (a non-null `kv_lora_rank`).
  public var mla: MLA?
  /// DI: dense intermediate size (default 4 × hidden).
  public var intermediateSize: Int
  /// Routed experts (0 for a dense model).
  public var numExperts: Int
  /// Experts per token.
  public var numExpertsPerTok: Int
  /// Expert intermediate size (`moe_intermediate_size`, else `intermediate_size`).
  public var moeIntermediateSize: Int
  /// Shared experts.
  public var numSharedExperts: Int
  /// Layers with an MoE block (perf.py's rules: all; `interleave_moe_layer_step`; `moe_layer_freq` with
  /// `first_k_dense_replace`).
  public var numMoELayers: Int
  /// The checkpoint's quantization config, if any.
  public var quantization: QuantizationConfig?
  /// Whether the LM head shares the embedding matrix.
  public var tieWordEmbeddings: Bool
  /// The context length the model was trained for, if declared.
  public var maxPositionEmbeddings: Int?

  /// Reads a config document.
  /// - Parameters:
  ///   - data: the bytes of `config.json`.
  ///   - source: the file name, used in error messages.
  /// - Throws: ``ConfigError`` naming the file and the missing or malformed key.
  public init(data: Data, source: String) throws(ConfigError) {
    let root: JSONValue
    do {
      root = try JSONValue.parse(data)
    } catch {
      throw ConfigError(source: source, problem: "not valid JSON, \(error)")
    }
    guard case .object = root else {
      throw ConfigError(source: source, problem: "the top level is \(root.typeName), not an object")
    }
    try self.init(root: root, source: source)
  }

  /// Reads an already parsed config object.
  public init(root: JSONValue, source: String) throws(ConfigError) {
    let nested = root["text_config"].flatMap { $0.isNull ? nil : $0 }
    let text = nested ?? root
    let section = nested == nil ? "the config" : "text_config"
    let reader = KeyReader(source: source, section: section, object: text)

    self.source = source
    modelType = root["model_type"]?.stringValue
    textModelType = nested?["model_type"]?.stringValue
    // Checked as read, so that nothing below divides by zero or forms a product past Int.max.
    hiddenSize = try reader.requiredInt(["hidden_size", "n_embd", "d_model"], in: 1...Limits.width)
    numAttentionHeads = try reader.requiredInt(
      ["num_attention_heads", "n_head", "num_heads", "n_heads"], in: 1...Limits.heads)
    numHiddenLayers = try reader.requiredInt(
      ["num_hidden_layers", "n_layer", "num_layers", "n_layers"], in: 1...Limits.layers)
    vocabSize = try reader.requiredInt(["vocab_size"], in: 1...Limits.vocabulary)
    numKeyValueHeads =
      try reader.int(
        ["n_head_kv", "num_kv_heads", "num_key_value_heads", "multi_query_group_num", "num_attention_groups"],
        in: 1...Limits.heads) ?? numAttentionHeads
    if let d = try reader.int(["head_dim"], in: Int.min...Limits.width), d > 0 {
      headDim = d
    } else if let d = try reader.int(["hidden_size_per_head"], in: Int.min...Limits.width), d > 0 {
      headDim = d
    } else {
      headDim = hiddenSize / numAttentionHeads
    }
    configDtype =
      text["torch_dtype"]?.stringValue ?? text["dtype"]?.stringValue ?? root["torch_dtype"]?.stringValue
      ?? root["dtype"]?.stringValue

    if text["use_sliding_window"]?.boolValue == false {
      slidingWindow = nil
    } else {
      slidingWindow = try reader.int(["sliding_window"])
    }
    layerTypes = text["layer_types"]?.arrayValue?.compactMap(\.stringValue)

    let width = 0...Limits.width
    if let rank = try reader.int(["kv_lora_rank"], in: width) {
      mla = MLA(
        kvLoraRank: rank, qkNopeHeadDim: try reader.requiredInt(["qk_nope_head_dim"], in: width),
        qkRopeHeadDim: try reader.requiredInt(["qk_rope_head_dim"], in: width),
        vHeadDim: try reader.requiredInt(["v_head_dim"], in: width),
        qLoraRank: try reader.int(["q_lora_rank"], in: width))
    } else {
      mla = nil
    }

    intermediateSize = try reader.int(["intermediate_size"], in: width) ?? 4 * hiddenSize
    numExperts =
      try reader.maxInt(
        ["num_experts", "moe_num_experts", "n_routed_experts", "num_local_experts"], in: 0...Limits.experts)
      ?? 0
    numExpertsPerTok =
      try reader.int(
        ["num_experts_per_tok", "num_experts_per_token", "top_k_experts", "moe_topk", "moe_top_k", "top_k"],
        in: 0...Limits.experts) ?? 0
    moeIntermediateSize = try reader.int(["moe_intermediate_size", "intermediate_size"], in: width) ?? 0
    numSharedExperts = try reader.int(["n_shared_experts", "num_shared_experts"], in: 0...Limits.experts) ?? 0
    var moeLayers = numExperts != 0 ? numHiddenLayers : 0
    if let step = try reader.int(["interleave_moe_layer_step"]), step > 0 {
      moeLayers = (0..<numHiddenLayers).filter { ($0 + 1) % step == 0 }.count
    }
    if let freq = try reader.int(["moe_layer_freq"]), let firstDense = try reader.int(["first_k_dense_replace"]) {
      guard freq > 0 else {
        throw ConfigError.invalid(source, "moe_layer_freq", "a positive integer", got: String(freq))
      }
      moeLayers = (0..<numHiddenLayers).filter { $0 >= firstDense && $0 % freq == 0 }.count
    }
    numMoELayers = moeLayers

    let quantObject = [root["quantization_config"], root["compression_config"], nested?["quantization_config"]]
      .compactMap { $0 }.first { !$0.isNull }
    quantization = try quantObject.map { (q) throws(ConfigError) in try QuantizationConfig(q, source: source) }
    tieWordEmbeddings = text["tie_word_embeddings"]?.boolValue ?? root["tie_word_embeddings"]?.boolValue ?? false
    maxPositionEmbeddings = try reader.int(["max_position_embeddings"])

    if headDim <= 0 {
      throw ConfigError.invalid(source, "head_dim", "a positive integer", got: String(headDim))
    }
  }

  /// Sanity bounds on config values, far above any real model, that keep every derived product within `Int`.
  public enum Limits {
    /// Decoder layers.
    public static let layers = 100_000
    /// Hidden, intermediate and head sizes, MLA ranks.
    public static let width = 1 << 24
    /// Query and KV heads.
    public static let heads = 1 << 16
    /// Vocabulary size.
    public static let vocabulary = 1 << 26
    /// Routed, shared and per-token experts.
    public static let experts = 1 << 16
  }

  /// Layers that use the sliding window (perf.py's rule): the `layer_types` entries containing "sliding";
  /// else `(L + 1) // 2` for Gemma 2; else every layer (Mistral / Qwen2.5-style uniform SWA); 0 without a window.
  /// - Parameter window: the window in effect (`nil` when disabled).
  public func numSWALayers(window: Int?) -> Int {
    guard let w = window, w > 0 else { return 0 }
    if let types = layerTypes {
      return types.prefix(numHiddenLayers).filter { $0.lowercased().contains("sliding") }.count
    }
    if modelType == "gemma2" { return (numHiddenLayers + 1) / 2 }
    return numHiddenLayers
  }

  /// Whether the model uses multi-head latent attention.
  public var usesMLA: Bool { mla != nil }
}

/// Reads typed keys from one config object, with vLLM's alias lists and errors that name the file.
struct KeyReader {
  let source: String
  let section: String
  let object: JSONValue

  /// The first alias present and non-null, as an integer.
  func int(_ aliases: [String]) throws(ConfigError) -> Int? {
    for key in aliases {
      guard let v = object[key], !v.isNull else { continue }
      guard let i = v.intValue else { throw ConfigError.invalid(source, key, "an integer", got: v.typeName) }
      return i
    }
    return nil
  }

  /// ``int(_:)`` within `range`, or an error naming the key, the range and the value.
  func int(_ aliases: [String], in range: ClosedRange<Int>) throws(ConfigError) -> Int? {
    guard let i = try int(aliases) else { return nil }
    let key = aliases.first { object[$0].map { !$0.isNull } ?? false } ?? aliases[0]
    return try checked(i, key: key, range)
  }

  /// Like ``int(_:)`` but a list of integers (heterogeneous blocks) gives its maximum.
  func maxInt(_ aliases: [String], in range: ClosedRange<Int>) throws(ConfigError) -> Int? {
    for key in aliases {
      guard let v = object[key], !v.isNull else { continue }
      if let list = v.arrayValue {
        let ints = list.compactMap(\.intValue)
        guard ints.count == list.count, let m = ints.max() else {
          throw ConfigError.invalid(source, key, "an integer or a list of integers", got: v.typeName)
        }
        return try checked(m, key: key, range)
      }
      return try int([key], in: range)
    }
    return nil
  }

  /// The first alias present, within `range`, or an error naming the first alias.
  func requiredInt(_ aliases: [String], in range: ClosedRange<Int>) throws(ConfigError) -> Int {
    guard let v = try int(aliases, in: range) else { throw ConfigError.missing(source, aliases[0], in: section) }
    return v
  }

  private func checked(_ value: Int, key: String, _ range: ClosedRange<Int>) throws(ConfigError) -> Int {
    guard range.contains(value) else {
      let expected =
        range.lowerBound == Int.min
        ? "an integer of at most \(range.upperBound)"
        : "an integer from \(range.lowerBound) to \(range.upperBound)"
      throw ConfigError.invalid(source, key, expected, got: String(value))
    }
    return value
  }
}
