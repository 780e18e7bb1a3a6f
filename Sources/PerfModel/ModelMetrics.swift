/// The analytic model of one served model: perf.py's components built from a config and a deployment, with
/// vLLM's silent skips recorded rather than repeated.
///
/// vLLM drops a component it cannot build (an unknown quantization name, for instance) and under-counts its
/// totals. ProfileMate builds such a component anyway with a corrected parameter and marks it: the report
/// then carries both the vLLM-identical totals and the corrected ones.
public struct ModelMetrics: Sendable {
  /// One component's model.
  public enum Model: Sendable, Hashable {
    /// Standard attention.
    case attention(AttentionMetrics)
    /// Multi-head latent attention.
    case mla(MLAAttentionMetrics)
    /// Feed-forward network.
    case ffn(FFNMetrics)
    /// LM head.
    case unembed(UnembedMetrics)

    /// vLLM's component name.
    public var name: String {
      switch self {
      case .attention: return AttentionMetrics.component
      case .mla: return MLAAttentionMetrics.component
      case .ffn: return FFNMetrics.component
      case .unembed: return UnembedMetrics.component
      }
    }

    /// The breakdown of one step.
    public func breakdown(_ ctx: ExecutionContext, perGPU: Bool) throws(PerfModelError) -> ComponentBreakdown {
      switch self {
      case .attention(let m): return try m.breakdown(ctx, perGPU: perGPU)
      case .mla(let m): return try m.breakdown(ctx, perGPU: perGPU)
      case .ffn(let m): return try m.breakdown(ctx, perGPU: perGPU)
      case .unembed(let m): return try m.breakdown(ctx, perGPU: perGPU)
      }
    }

    /// The fields as perf.py's `Instantiated ComponentMetrics` line lists them.
    public var fields: [(String, String)] {
      func s(_ v: Int?) -> String { v.map(String.init) ?? "None" }
      switch self {
      case .attention(let m):
        return [
          ("num_hidden_layers", s(m.numHiddenLayers)), ("hidden_size", s(m.hiddenSize)),
          ("num_attention_heads", s(m.numAttentionHeads)), ("activation_byte_size", s(m.activationByteSize)),
          ("tp_size", s(m.tpSize)), ("pp_size", s(m.ppSize)), ("num_key_value_heads", s(m.numKeyValueHeads)),
          ("head_dim", s(m.headDim)), ("cache_byte_size", s(m.cacheByteSize)),
          ("weight_byte_size", m.weightByteSize.description), ("sliding_window", s(m.slidingWindow)),
          ("num_swa_layers", s(m.numSWALayers)),
        ]
      case .mla(let m):
        return [
          ("num_hidden_layers", s(m.numHiddenLayers)), ("hidden_size", s(m.hiddenSize)),
          ("num_attention_heads", s(m.numAttentionHeads)), ("activation_byte_size", s(m.activationByteSize)),
          ("tp_size", s(m.tpSize)), ("pp_size", s(m.ppSize)), ("weight_byte_size", m.weightByteSize.description),
          ("kv_lora_rank", s(m.kvLoraRank)), ("qk_nope_head_dim", s(m.qkNopeHeadDim)),
          ("qk_rope_head_dim", s(m.qkRopeHeadDim)), ("v_head_dim", s(m.vHeadDim)), ("q_lora_rank", s(m.qLoraRank)),
          ("cache_byte_size", s(m.cacheByteSize)),
        ]
      case .ffn(let m):
        return [
          ("num_hidden_layers", s(m.numHiddenLayers)), ("hidden_size", s(m.hiddenSize)),
          ("activation_byte_size", s(m.activationByteSize)), ("pp_size", s(m.ppSize)),
          ("ffn_tp_size", s(m.ffnTPSize)), ("ffn_ep_size", s(m.ffnEPSize)),
          ("intermediate_size", s(m.intermediateSize)), ("num_experts", s(m.numExperts)),
          ("num_experts_per_tok", s(m.numExpertsPerTok)), ("moe_intermediate_size", s(m.moeIntermediateSize)),
          ("num_shared_experts", s(m.numSharedExperts)), ("num_moe_layers", s(m.numMoELayers)),
          ("weight_byte_size", m.weightByteSize.description),
        ]
      case .unembed(let m):
        return [
          ("hidden_size", s(m.hiddenSize)), ("vocab_size", s(m.vocabSize)),
          ("weight_byte_size", s(m.weightByteSize)), ("activation_byte_size", s(m.activationByteSize)),
          ("tp_size", s(m.tpSize)),
        ]
      }
    }
  }

  /// A component with its standing in vLLM.
  public struct Component: Sendable, Hashable {
    /// The model.
    public var model: Model
    /// Why vLLM 0.33 would skip this component (then its figures are ProfileMate's correction), or `nil`
    /// when vLLM bills it exactly as computed here.
    public var vllmSkipReason: String?
    /// A note on a correction ProfileMate applied (e.g. the byte size used instead of vLLM's).
    public var correction: String?
  }

  /// The components in vLLM's registration order (`attn`/`mla_attn`, `ffn`, `unembed`).
  public var components: [Component]
  /// Components vLLM skips and ProfileMate cannot build either (with the reason).
  public var omitted: [(name: String, reason: String)]
  /// The model dtype in effect.
  public var dtype: String

  /// Builds the components.
  /// - Throws: ``ConfigError`` for an unknown dtype, KV-cache dtype or quantization, or invalid parallel sizes.
  public init(config: ModelConfig, deployment: Deployment) throws(ConfigError) {
    let src = config.source
    let dep = deployment
    for (name, value) in [
      ("tensor-parallel-size", dep.tensorParallelSize), ("pipeline-parallel-size", dep.pipelineParallelSize),
      ("data-parallel-size", dep.dataParallelSize),
    ] where value < 1 {
      throw ConfigError(source: src, problem: "--\(name) must be at least 1, not \(value)")
    }
    guard let dtype = DType.resolve(dep.dtype, configDtype: config.configDtype), let modelBytes = DType.byteSize(dtype)
    else { throw ConfigError(source: src, problem: "unknown --dtype '\(dep.dtype)'") }
    guard let cacheBytes = DType.cacheByteSize(dep.kvCacheDtype, modelBytes: modelBytes) else {
      throw ConfigError(source: src, problem: "unknown --kv-cache-dtype '\(dep.kvCacheDtype)'")
    }
    self.dtype = dtype

    // Quantization: vLLM's name and byte size, and ProfileMate's corrected byte size.
    var quant = config.quantization
    if let q = dep.quantization { quant = QuantizationConfig(method: q) }
    var vllmWeight: PyNumber? = .int(modelBytes)
    var weight: PyNumber = .int(modelBytes)
    var attentionWeight: PyNumber = .int(modelBytes)
    var skip: String?
    var correction: String?
    if let q = quant {
      let name = q.vllmName(modelType: config.modelType)
      vllmWeight = QuantizationTable.vllmByteSize(name)
      guard let corrected = vllmWeight ?? QuantizationTable.correctedByteSize(q) else {
        throw ConfigError(source: src, problem: "unknown quantization '\(q.method)' (no weight byte size known)")
      }
      weight = corrected
      attentionWeight = corrected
      if vllmWeight == nil {
        skip = "vLLM's quantization name '\(name)' is not in perf.py's byte-size table"
        correction = "weight_byte_size \(corrected) from the checkpoint's '\(q.method)'"
        if q.leavesAttentionUnquantized {
          attentionWeight = .int(modelBytes)
        }
      }
    }

    let tp = dep.tensorParallelSize
    let pp = dep.pipelineParallelSize
    var components: [Component] = []
    var omitted: [(String, String)] = []
    if let mla = config.mla {
      let m = MLAAttentionMetrics(
        numHiddenLayers: config.numHiddenLayers, hiddenSize: config.hiddenSize,
        numAttentionHeads: config.numAttentionHeads, activationByteSize: modelBytes, tpSize: tp, ppSize: pp,
        weightByteSize: weight, kvLoraRank: mla.kvLoraRank, qkNopeHeadDim: mla.qkNopeHeadDim,
        qkRopeHeadDim: mla.qkRopeHeadDim, vHeadDim: mla.vHeadDim, qLoraRank: mla.qLoraRank, cacheByteSize: cacheBytes)
      components.append(Component(model: .mla(m), vllmSkipReason: skip, correction: correction))
    } else {
      let window = dep.disableSlidingWindow ? nil : config.slidingWindow
      var note = correction
      if skip != nil && attentionWeight != weight {
        note = "weight_byte_size \(attentionWeight): the checkpoint leaves attention unquantized"
      }
      let m = AttentionMetrics(
        numHiddenLayers: config.numHiddenLayers, hiddenSize: config.hiddenSize,
        numAttentionHeads: config.numAttentionHeads, activationByteSize: modelBytes, tpSize: tp, ppSize: pp,
        numKeyValueHeads: config.wholeModelKeyValueHeads, headDim: config.wholeModelHeadDim, cacheByteSize: cacheBytes,
        weightByteSize: attentionWeight, slidingWindow: window, numSWALayers: config.numSWALayers(window: window))
      components.append(Component(model: .attention(m), vllmSkipReason: skip, correction: note))
    }

    let ranks = dep.dataParallelSize * tp
    let ffn = FFNMetrics(
      numHiddenLayers: config.numHiddenLayers, hiddenSize: config.hiddenSize, activationByteSize: modelBytes,
      ppSize: pp, ffnTPSize: dep.enableExpertParallel ? 1 : ranks, ffnEPSize: dep.enableExpertParallel ? ranks : 1,
      intermediateSize: config.intermediateSize, numExperts: config.numExperts,
      numExpertsPerTok: config.numExpertsPerTok, moeIntermediateSize: config.moeIntermediateSize,
      numSharedExperts: config.numSharedExperts, numMoELayers: config.numMoELayers, weightByteSize: weight)
    do {
      try ffn.validate()
      components.append(Component(model: .ffn(ffn), vllmSkipReason: skip, correction: correction))
    } catch {
      omitted.append((FFNMetrics.component, "vLLM skips it too: \(error.description)"))
    }

    let unembed = UnembedMetrics(
      hiddenSize: config.hiddenSize, vocabSize: config.vocabSize, weightByteSize: modelBytes,
      activationByteSize: modelBytes, tpSize: tp)
    components.append(Component(model: .unembed(unembed)))
    self.components = components
    self.omitted = omitted
  }

  /// Evaluates one step.
  /// - Parameters:
  ///   - ctx: the step's requests.
  ///   - perGPU: `true` for one GPU's share (vLLM's reported figures), `false` for the whole model.
  public func evaluate(_ ctx: ExecutionContext, perGPU: Bool = true) throws(PerfModelError) -> PerfReport {
    var rows: [PerfReport.Row] = []
    for c in components {
      rows.append(
        PerfReport.Row(
          component: c.model.name, breakdown: try c.model.breakdown(ctx, perGPU: perGPU),
          fields: c.model.fields, vllmSkipReason: c.vllmSkipReason, correction: c.correction))
    }
    return PerfReport(rows: rows, omitted: omitted, perGPU: perGPU, context: ctx)
  }
}
