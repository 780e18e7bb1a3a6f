import StrictJSON

/// One decoder layer's attention shape, for models whose layers differ.
public struct LayerAttention: Sendable, Hashable {
  /// Head dimension of this layer.
  public var headDim: Int
  /// KV heads of this layer (whole model).
  public var numKeyValueHeads: Int
  /// Whether the layer uses the sliding window (`layer_types` says "sliding").
  public var isSliding: Bool
  /// Whether K doubles as V (Gemma 4's `attention_k_eq_v` on full-attention layers: the checkpoint has no
  /// `v_proj`; vLLM still loads K into both shards and caches K and V).
  public var keyIsValue: Bool = false
}

extension ModelConfig {
  /// Gemma 4's per-layer shapes, as transformers ≥ 5.5 builds them (`Gemma4TextConfig.per_layer_config`):
  /// every `full_attention` layer takes `global_head_dim` (default 512) and, when `attention_k_eq_v` is
  /// set, `num_global_key_value_heads`; the sliding layers keep `head_dim` and `num_key_value_heads`.
  /// Other models (and a Gemma 4 without full-attention layers) are homogeneous: `nil`.
  static func heterogeneousLayers(
    _ text: JSONValue, reader: KeyReader, layers: Int, layerTypes: [String]?, headDim: Int, kvHeads: Int,
    isGemma4: Bool
  ) throws(ConfigError) -> [LayerAttention]? {
    guard isGemma4 || text["global_head_dim"].map({ !$0.isNull }) == true, let types = layerTypes else {
      return nil
    }
    let globalHeadDim = try reader.int(["global_head_dim"], in: 1...Limits.width) ?? 512
    let kEqV = text["attention_k_eq_v"]?.boolValue ?? false
    let globalKV = kEqV ? try reader.int(["num_global_key_value_heads"], in: 1...Limits.heads) : nil
    guard types.contains("full_attention") else { return nil }
    return (0..<layers).map { i in
      let type = i < types.count ? types[i] : ""
      let full = type == "full_attention"
      return LayerAttention(
        headDim: full ? globalHeadDim : headDim, numKeyValueHeads: full ? (globalKV ?? kvHeads) : kvHeads,
        isSliding: type.lowercased().contains("sliding"), keyIsValue: full && kEqV)
    }
  }

  /// The head size vLLM ≥ 0.33 reports for the whole model (`ModelConfig.get_head_size()`): for
  /// heterogeneous layers the largest one (`ModelArchitectureConfig.from_layers` collapses a varying field
  /// with `max`), which is what perf.py bills for every layer.
  public var wholeModelHeadDim: Int { layerAttention?.map(\.headDim).max() ?? headDim }

  /// The KV-head count vLLM ≥ 0.33 reports for the whole model (`get_total_num_kv_heads()`): the largest
  /// over heterogeneous layers.
  public var wholeModelKeyValueHeads: Int { layerAttention?.map(\.numKeyValueHeads).max() ?? numKeyValueHeads }

  /// Every layer's attention shape (the per-layer list, or `head_dim` / `num_key_value_heads` repeated).
  public func attentionShapes(window: Int?) -> [LayerAttention] {
    if let layers = layerAttention { return layers }
    let sliding = numSWALayers(window: window)
    let types = layerTypes
    return (0..<numHiddenLayers).map { i in
      let isSliding: Bool
      if sliding == 0 {
        isSliding = false
      } else if let t = types {
        isSliding = i < t.count && t[i].lowercased().contains("sliding")
      } else if modelType == "gemma2" {
        isSliding = i % 2 == 0
      } else {
        isSliding = true
      }
      return LayerAttention(headDim: headDim, numKeyValueHeads: numKeyValueHeads, isSliding: isSliding)
    }
  }
}
