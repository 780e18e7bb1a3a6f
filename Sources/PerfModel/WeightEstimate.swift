/// An estimate of the weight memory one GPU holds: linear layers of the largest pipeline stage, the vocabulary
/// shard of the embedding and LM head, quantized where the checkpoint says so. Attention and dense MLPs are
/// split over TP; routed experts over DP × TP (split in width, or whole experts with expert parallelism).
///
/// Norms, biases, routers and quantization scales are left out (under 2 % for common models), except for MXFP4
/// experts, whose scales and kernel padding (gpt-oss: 2,880 → 3,072) are counted.
public struct WeightEstimate: Sendable, Hashable {
  /// Attention weights on this GPU, in bytes.
  public var attentionBytes: Double
  /// FFN / expert weights on this GPU, in bytes.
  public var ffnBytes: Double
  /// Embedding and LM-head shards on this GPU, in bytes.
  public var vocabularyBytes: Double

  /// The sum.
  public var totalBytes: Double { attentionBytes + ffnBytes + vocabularyBytes }

  /// Estimates the weights of the largest pipeline stage on one GPU.
  /// - Throws: ``ConfigError`` for an unknown dtype or quantization.
  public init(config c: ModelConfig, deployment d: Deployment) throws(ConfigError) {
    guard let dtype = DType.resolve(d.dtype, configDtype: c.configDtype), let modelBytes = DType.byteSize(dtype)
    else { throw ConfigError(source: c.source, problem: "unknown --dtype '\(d.dtype)'") }
    var linear = Double(modelBytes)
    var attention = Double(modelBytes)
    var quant = c.quantization
    if let q = d.quantization { quant = QuantizationConfig(method: q) }
    if let q = quant {
      guard let b = QuantizationTable.correctedByteSize(q)?.doubleValue else {
        throw ConfigError(source: c.source, problem: "unknown quantization '\(q.method)' (no weight byte size known)")
      }
      linear = b
      attention = q.leavesAttentionUnquantized ? Double(modelBytes) : b
    }
    let tp = Double(max(1, d.tensorParallelSize))
    let ranks = tp * Double(max(1, d.dataParallelSize))
    let pp = max(1, d.pipelineParallelSize)
    let layers = Double(ceilDiv(c.numHiddenLayers, pp))
    let dm = Double(c.hiddenSize)
    let heads = Double(c.numAttentionHeads)

    var attnParams: Double
    if let m = c.mla {
      let qk = Double(m.qkNopeHeadDim + m.qkRopeHeadDim)
      let q: Double
      if let r = m.qLoraRank {
        q = dm * Double(r) + Double(r) * heads * qk / tp
      } else {
        q = dm * heads * qk / tp
      }
      let kvA = dm * Double(m.kvLoraRank + m.qkRopeHeadDim)
      let kvB = Double(m.kvLoraRank) * heads * Double(m.qkNopeHeadDim + m.vHeadDim) / tp
      attnParams = q + kvA + kvB + heads * Double(m.vHeadDim) * dm / tp
    } else {
      let qHeads = Double(max(1, c.numAttentionHeads / max(1, d.tensorParallelSize)))
      // Per layer: Q and O (heads × head size each way), K and V; averaged
      // over the model's layers when they differ (Gemma 4), so that `× layers` below stays the stage's sum.
      let shapes = c.layerAttention ?? []
      func params(_ l: LayerAttention) -> Double {
        let kv = Double(max(1, l.numKeyValueHeads / max(1, d.tensorParallelSize)))
        // vLLM loads a K-is-V layer's K weights into both the K and V shards of qkv_proj: both are held.
        return dm * (2 * qHeads + 2 * kv) * Double(l.headDim)
      }
      if shapes.isEmpty {
        attnParams = params(LayerAttention(headDim: c.headDim, numKeyValueHeads: c.numKeyValueHeads, isSliding: false))
      } else {
        attnParams = shapes.reduce(0) { $0 + params($1) } / Double(shapes.count)
      }
    }
    attentionBytes = attnParams * layers * attention

    let moeFraction = c.numHiddenLayers == 0 ? 0 : Double(c.numMoELayers) / Double(c.numHiddenLayers)
    // Gemma 4 (`enable_moe_block`) runs a dense MLP beside the experts in every layer.
    let denseLayers = c.denseMLPBesideMoE ? layers : layers * (1 - moeFraction)
    let moeLayers = layers * moeFraction
    let dense = 3 * dm * Double(c.intermediateSize) / tp * denseLayers
    let expertsPerGPU = d.enableExpertParallel ? Double(c.numExperts) / ranks : Double(c.numExperts)
    let expertWidth = d.enableExpertParallel ? 1 : ranks
    var expertHidden = dm
    var expertInner = Double(c.moeIntermediateSize) / expertWidth
    var expertBytes = linear
    if quant?.method == "mxfp4" {
      // vLLM's MXFP4 MoE kernels pad the hidden size and each rank's expert width up to multiples of 256
      // (gpt-oss: 2,880 → 3,072; 720 per rank at TP 4 → 768) and keep one E8M0 scale byte per 32 weights.
      expertHidden = (dm / 256).rounded(.up) * 256
      expertInner = (expertInner / 256).rounded(.up) * 256
      expertBytes = 0.5 + 1.0 / 32
    }
    let routed = 3 * expertHidden * expertInner * expertsPerGPU * moeLayers * expertBytes
    let shared = 3 * dm * Double(c.moeIntermediateSize) * Double(c.numSharedExperts) / tp * moeLayers * linear
    ffnBytes = dense * linear + routed + shared

    let shard = Double(c.vocabSize) * dm / tp * Double(modelBytes)
    let both = c.tieWordEmbeddings ? shard : 2 * shard
    vocabularyBytes = pp == 1 ? both : shard
  }
}
