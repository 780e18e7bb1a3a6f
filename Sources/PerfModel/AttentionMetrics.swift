/// Standard (MHA/GQA, optionally sliding-window) attention: perf.py's `attn` component (vLLM 0.33 semantics).
///
/// Fields are perf.py's `AttentionMetrics` fields, whole-model values; ``breakdown(_:perGPU:)`` applies the
/// per-GPU rules (heads `max(1, n // tp)`, layers divided by `pp` as floats) and returns vLLM's terms.
public struct AttentionMetrics: Sendable, Hashable {
  /// The component name and breakdown-key prefix.
  public static let component = "attn"

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
  /// KV heads (whole model).
  public var numKeyValueHeads: Int
  /// Head dimension.
  public var headDim: Int
  /// Bytes per KV-cache element.
  public var cacheByteSize: Int
  /// Bytes per weight (an `int`, or a `float` such as 0.5 for 4-bit quantization).
  public var weightByteSize: PyNumber
  /// The sliding window in tokens, if the model has one.
  public var slidingWindow: Int?
  /// Layers that use the sliding window.
  public var numSWALayers: Int

  /// Creates the component from its fields.
  public init(
    numHiddenLayers: Int, hiddenSize: Int, numAttentionHeads: Int, activationByteSize: Int, tpSize: Int,
    ppSize: Int, numKeyValueHeads: Int, headDim: Int, cacheByteSize: Int, weightByteSize: PyNumber,
    slidingWindow: Int?, numSWALayers: Int
  ) {
    self.numHiddenLayers = numHiddenLayers
    self.hiddenSize = hiddenSize
    self.numAttentionHeads = numAttentionHeads
    self.activationByteSize = activationByteSize
    self.tpSize = tpSize
    self.ppSize = ppSize
    self.numKeyValueHeads = numKeyValueHeads
    self.headDim = headDim
    self.cacheByteSize = cacheByteSize
    self.weightByteSize = weightByteSize
    self.slidingWindow = slidingWindow
    self.numSWALayers = numSWALayers
  }

  /// Checks the ranges perf.py's pydantic model enforces (`gt=0`, `ge=0`).
  public func validate() throws(PerfModelError) {
    let positive: [(String, Int)] = [
      ("num_hidden_layers", numHiddenLayers), ("hidden_size", hiddenSize),
      ("num_attention_heads", numAttentionHeads), ("activation_byte_size", activationByteSize),
      ("tp_size", tpSize), ("pp_size", ppSize), ("num_key_value_heads", numKeyValueHeads),
      ("head_dim", headDim), ("cache_byte_size", cacheByteSize),
    ]
    for (name, value) in positive where value <= 0 {
      throw .invalidParameter(component: Self.component, name: name, value: String(value))
    }
    if (weightByteSize.doubleValue ?? 0) <= 0 {
      throw .invalidParameter(component: Self.component, name: "weight_byte_size", value: "\(weightByteSize)")
    }
    if numSWALayers < 0 {
      throw .invalidParameter(component: Self.component, name: "num_swa_layers", value: String(numSWALayers))
    }
  }

  /// FLOPs, read and write bytes of one step.
  /// - Parameters:
  ///   - ctx: the step's requests.
  ///   - perGPU: `true` for one GPU's share (what vLLM reports), `false` for the whole model.
  public func breakdown(_ ctx: ExecutionContext, perGPU: Bool = true) throws(PerfModelError) -> ComponentBreakdown {
    // Layer counts are Python floats: L, L_full = L - L_swa and L_swa, each divided by pp on its own.
    var layers = Double(numHiddenLayers)
    var swaLayers = Double(numSWALayers)
    var fullLayers = layers - swaLayers
    var q = numAttentionHeads
    var kv = numKeyValueHeads
    if perGPU {
      layers /= Double(ppSize)
      swaLayers /= Double(ppSize)
      fullLayers /= Double(ppSize)
      q = max(1, q / tpSize)
      kv = max(1, kv / tpSize)
    }
    let lAll = PyNumber.float(layers)
    let lFull = PyNumber.float(fullLayers)
    let lSWA = PyNumber.float(swaLayers)
    let d = headDim
    let dModel = hiddenSize
    let a = activationByteSize
    let k = cacheByteSize
    let w = weightByteSize
    let t = ctx.totalNumTokens
    let qkvHeads = PyNumber.int(q) + 2 * PyNumber.int(kv)

    var result = ComponentBreakdown()

    var flops = TermCollector(Self.component)
    try flops.set("qkv_proj", 2 * PyNumber.int(t) * dModel * qkvHeads * d * lAll)
    try flops.set("out_proj", 2 * PyNumber.int(t) * dModel * q * d * lAll)
    var attnQK = PyNumber.float(0)
    var attnAV = PyNumber.float(0)
    if fullLayers > 0 {
      let tc = PyNumber.int(ctx.prefillTokenContextProduct) + ctx.decodeTokenContextProduct
      attnQK = attnQK + 2 * PyNumber.int(q) * tc * d * lFull
      attnAV = attnAV + 2 * PyNumber.int(q) * tc * d * lFull
    }
    if swaLayers > 0, let sw = slidingWindow {
      let tcSWA = PyNumber.int(ctx.totalTokenContextProduct(slidingWindow: sw))
      attnQK = attnQK + 2 * PyNumber.int(q) * tcSWA * d * lSWA
      attnAV = attnAV + 2 * PyNumber.int(q) * tcSWA * d * lSWA
    }
    try flops.set("attn_qk", attnQK)
    try flops.set("attn_av", attnAV)
    result.flops = flops.terms

    var read = TermCollector(Self.component)
    try read.set("qkv_input", PyNumber.int(t) * dModel * a * lAll)
    try read.set("qkv_weight", PyNumber.int(dModel) * qkvHeads * d * w * lAll)
    var attnInput = PyNumber.float(0)
    if fullLayers > 0 {
      addAttentionInput(ctx, q: q, kv: kv, window: nil, layers: lFull, to: &attnInput)
    }
    if swaLayers > 0 {
      addAttentionInput(ctx, q: q, kv: kv, window: slidingWindow, layers: lSWA, to: &attnInput)
    }
    if ctx.prefillNumTokens > 0 || ctx.decodeNumTokens > 0 {
      try read.set("attn_input", attnInput)
    }
    try read.set("out_input", PyNumber.int(t) * q * d * a * lAll)
    try read.set("out_weight", PyNumber.int(q) * d * dModel * w * lAll)
    result.readBytes = read.terms

    var write = TermCollector(Self.component)
    try write.set("qkv_output", PyNumber.int(t) * qkvHeads * d * a * lAll)
    try write.set("kv_cache", 2 * PyNumber.int(t) * kv * d * k * lAll)
    try write.set("out_output", PyNumber.int(t) * dModel * a * lAll)
    result.writeBytes = write.terms
    return result
  }

  /// Adds the attention-kernel reads of one layer kind in perf.py's order (float additions do not associate):
  /// prefill (Q and fresh K/V at activation precision), then decode (Q, plus K/V from the cache).
  private func addAttentionInput(
    _ ctx: ExecutionContext, q: Int, kv: Int, window: Int?, layers: PyNumber, to sum: inout PyNumber
  ) {
    let d = headDim
    let a = activationByteSize
    if ctx.prefillNumTokens > 0 {
      let context = ctx.prefillContextLength(slidingWindow: window)
      let heads = PyNumber.int(ctx.prefillNumTokens) * q + 2 * PyNumber.int(context) * kv
      sum = sum + heads * d * a * layers
    }
    if ctx.decodeNumTokens > 0 {
      let context = ctx.decodeContextLength(slidingWindow: window)
      let queries = PyNumber.int(ctx.decodeNumTokens) * q * d * a * layers
      let cache = 2 * PyNumber.int(context) * kv * d * cacheByteSize * layers
      sum = sum + (queries + cache)
    }
  }
}
