/// Multi-head latent attention (DeepSeek-style MLA): perf.py's `mla_attn` component (vLLM 0.24+).
///
/// The KV cache holds one latent vector of `kv_lora_rank + qk_rope_head_dim` per token and layer; the `kv_a`
/// projection is replicated on every TP rank. Layers are divided by `pp` with integer floor division.
public struct MLAAttentionMetrics: Sendable, Hashable {
  /// The component name and breakdown-key prefix.
  public static let component = "mla_attn"

  /// L: decoder layers (whole model).
  public var numHiddenLayers: Int
  /// D: hidden size.
  public var hiddenSize: Int
  /// Query heads (whole model).
  public var numAttentionHeads: Int
  /// Bytes per activation element.
  public var activationByteSize: Int
  /// Tensor-parallel size.
  public var tpSize: Int
  /// Pipeline-parallel size.
  public var ppSize: Int
  /// Bytes per weight (`int` or `float`).
  public var weightByteSize: PyNumber
  /// c: rank of the compressed KV latent.
  public var kvLoraRank: Int
  /// Non-rotary part of the query/key head.
  public var qkNopeHeadDim: Int
  /// r: rotary part of the query/key head.
  public var qkRopeHeadDim: Int
  /// Value head dimension.
  public var vHeadDim: Int
  /// Rank of the query compression, or `nil` for a direct query projection.
  public var qLoraRank: Int?
  /// Bytes per KV-cache element.
  public var cacheByteSize: Int

  /// Creates the component from its fields.
  public init(
    numHiddenLayers: Int, hiddenSize: Int, numAttentionHeads: Int, activationByteSize: Int, tpSize: Int,
    ppSize: Int, weightByteSize: PyNumber, kvLoraRank: Int, qkNopeHeadDim: Int, qkRopeHeadDim: Int,
    vHeadDim: Int, qLoraRank: Int?, cacheByteSize: Int
  ) {
    self.numHiddenLayers = numHiddenLayers
    self.hiddenSize = hiddenSize
    self.numAttentionHeads = numAttentionHeads
    self.activationByteSize = activationByteSize
    self.tpSize = tpSize
    self.ppSize = ppSize
    self.weightByteSize = weightByteSize
    self.kvLoraRank = kvLoraRank
    self.qkNopeHeadDim = qkNopeHeadDim
    self.qkRopeHeadDim = qkRopeHeadDim
    self.vHeadDim = vHeadDim
    self.qLoraRank = qLoraRank
    self.cacheByteSize = cacheByteSize
  }

  /// Checks the ranges perf.py's pydantic model enforces (`gt=0`).
  public func validate() throws(PerfModelError) {
    let positive: [(String, Int)] = [
      ("num_hidden_layers", numHiddenLayers), ("hidden_size", hiddenSize),
      ("num_attention_heads", numAttentionHeads), ("activation_byte_size", activationByteSize),
      ("tp_size", tpSize), ("pp_size", ppSize), ("kv_lora_rank", kvLoraRank),
      ("qk_nope_head_dim", qkNopeHeadDim), ("qk_rope_head_dim", qkRopeHeadDim), ("v_head_dim", vHeadDim),
      ("cache_byte_size", cacheByteSize),
    ]
    for (name, value) in positive where value <= 0 {
      throw .invalidParameter(component: Self.component, name: name, value: String(value))
    }
    if (weightByteSize.doubleValue ?? 0) <= 0 {
      throw .invalidParameter(component: Self.component, name: "weight_byte_size", value: "\(weightByteSize)")
    }
  }

  /// FLOPs, read and write bytes of one step.
  /// - Parameters:
  ///   - ctx: the step's requests.
  ///   - perGPU: `true` for one GPU's share (what vLLM reports), `false` for the whole model.
  public func breakdown(_ ctx: ExecutionContext, perGPU: Bool = true) throws(PerfModelError) -> ComponentBreakdown {
    var layers = numHiddenLayers
    var q = numAttentionHeads
    if perGPU {
      layers /= ppSize
      q = max(1, q / tpSize)
    }
    let l = layers
    let dModel = hiddenSize
    let qk = qkNopeHeadDim + qkRopeHeadDim
    let v = vHeadDim
    let c = kvLoraRank
    let latent = kvLoraRank + qkRopeHeadDim
    let a = activationByteSize
    let w = weightByteSize
    let t = PyNumber.int(ctx.totalNumTokens)
    let tc = PyNumber.int(ctx.prefillTokenContextProduct) + ctx.decodeTokenContextProduct

    var result = ComponentBreakdown()
    var flops = TermCollector(Self.component)
    if let qr = qLoraRank {
      try flops.set("q_a_proj", 2 * t * dModel * qr * l)
      try flops.set("q_b_proj", 2 * t * qr * q * qk * l)
    } else {
      try flops.set("q_proj", 2 * t * dModel * q * qk * l)
    }
    try flops.set("kv_a_proj", 2 * t * dModel * latent * l)
    try flops.set("kv_b_proj", 2 * t * c * q * (qkNopeHeadDim + v) * l)
    try flops.set("attn_qk", 2 * PyNumber.int(q) * tc * qk * l)
    try flops.set("attn_av", 2 * PyNumber.int(q) * tc * v * l)
    try flops.set("out_proj", 2 * t * q * v * dModel * l)
    result.flops = flops.terms

    var read = TermCollector(Self.component)
    if let qr = qLoraRank {
      try read.set("q_a_input", t * dModel * a * l)
      try read.set("q_a_weight", PyNumber.int(dModel) * qr * w * l)
      try read.set("q_b_input", t * qr * a * l)
      try read.set("q_b_weight", PyNumber.int(qr) * q * qk * w * l)
    } else {
      try read.set("q_input", t * dModel * a * l)
      try read.set("q_weight", PyNumber.int(dModel) * q * qk * w * l)
    }
    try read.set("kv_a_input", t * dModel * a * l)
    try read.set("kv_a_weight", PyNumber.int(dModel) * latent * w * l)
    try read.set("kv_b_input", t * c * a * l)
    try read.set("kv_b_weight", PyNumber.int(c) * q * (qkNopeHeadDim + v) * w * l)
    var attnInput: PyNumber?
    if ctx.prefillNumTokens > 0 {
      attnInput =
        PyNumber.int(ctx.prefillNumTokens) * q * qk * a * l
        + PyNumber.int(ctx.prefillContextLength) * q * (qk + v) * a * l
    }
    if ctx.decodeNumTokens > 0 {
      let decode =
        PyNumber.int(ctx.decodeNumTokens) * q * qk * a * l
        + PyNumber.int(ctx.decodeContextLength) * latent * cacheByteSize * l
      attnInput = (attnInput ?? .int(0)) + decode
    }
    if let attnInput { try read.set("attn_input", attnInput) }
    try read.set("out_input", t * q * v * a * l)
    try read.set("out_weight", PyNumber.int(q) * v * dModel * w * l)
    result.readBytes = read.terms

    var write = TermCollector(Self.component)
    if let qr = qLoraRank {
      try write.set("q_a_output", t * qr * a * l)
      try write.set("q_b_output", t * q * qk * a * l)
    } else {
      try write.set("q_output", t * q * qk * a * l)
    }
    try write.set("kv_a_output", t * latent * a * l)
    try write.set("kv_b_output", t * q * (qkNopeHeadDim + v) * a * l)
    try write.set("kv_cache", t * latent * cacheByteSize * l)
    try write.set("out_output", t * dModel * a * l)
    result.writeBytes = write.terms
    return result
  }
}
