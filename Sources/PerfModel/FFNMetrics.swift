/// The feed-forward network, dense SwiGLU and mixture-of-experts: perf.py's `ffn` component.
///
/// Dense layers are `L − num_moe_layers`. Per GPU, dense and MoE layer counts are floor-divided by `pp`
/// separately, intermediate sizes by `ffn_tp`, activated tokens and (for reads) experts by `ffn_ep`; weight
/// reads assume perfect load balance (`min(activated tokens, local experts)` experts touched).
public struct FFNMetrics: Sendable, Hashable {
  /// The component name and breakdown-key prefix.
  public static let component = "ffn"

  /// L: decoder layers (whole model).
  public var numHiddenLayers: Int
  /// D: hidden size.
  public var hiddenSize: Int
  /// Bytes per activation element.
  public var activationByteSize: Int
  /// Pipeline-parallel size.
  public var ppSize: Int
  /// FFN tensor-parallel size (`dp × tp` without expert parallelism, else 1).
  public var ffnTPSize: Int
  /// FFN expert-parallel size (`dp × tp` with expert parallelism, else 1).
  public var ffnEPSize: Int
  /// DI: dense intermediate size.
  public var intermediateSize: Int
  /// Routed experts (0 for a dense model).
  public var numExperts: Int
  /// E: experts per token.
  public var numExpertsPerTok: Int
  /// MI: expert intermediate size (also used for shared experts).
  public var moeIntermediateSize: Int
  /// S: shared experts.
  public var numSharedExperts: Int
  /// Lm: MoE layers.
  public var numMoELayers: Int
  /// Bytes per weight (`int` or `float`).
  public var weightByteSize: PyNumber

  /// Creates the component from its fields.
  public init(
    numHiddenLayers: Int, hiddenSize: Int, activationByteSize: Int, ppSize: Int, ffnTPSize: Int, ffnEPSize: Int,
    intermediateSize: Int, numExperts: Int, numExpertsPerTok: Int, moeIntermediateSize: Int,
    numSharedExperts: Int, numMoELayers: Int, weightByteSize: PyNumber
  ) {
    self.numHiddenLayers = numHiddenLayers
    self.hiddenSize = hiddenSize
    self.activationByteSize = activationByteSize
    self.ppSize = ppSize
    self.ffnTPSize = ffnTPSize
    self.ffnEPSize = ffnEPSize
    self.intermediateSize = intermediateSize
    self.numExperts = numExperts
    self.numExpertsPerTok = numExpertsPerTok
    self.moeIntermediateSize = moeIntermediateSize
    self.numSharedExperts = numSharedExperts
    self.numMoELayers = numMoELayers
    self.weightByteSize = weightByteSize
  }

  /// Checks the ranges and the MoE consistency rule perf.py's pydantic model enforces.
  public func validate() throws(PerfModelError) {
    let positive: [(String, Int)] = [
      ("num_hidden_layers", numHiddenLayers), ("hidden_size", hiddenSize),
      ("activation_byte_size", activationByteSize), ("pp_size", ppSize), ("ffn_tp_size", ffnTPSize),
      ("ffn_ep_size", ffnEPSize), ("intermediate_size", intermediateSize),
    ]
    for (name, value) in positive where value <= 0 {
      throw .invalidParameter(component: Self.component, name: name, value: String(value))
    }
    if (weightByteSize.doubleValue ?? 0) <= 0 {
      throw .invalidParameter(component: Self.component, name: "weight_byte_size", value: "\(weightByteSize)")
    }
    if numMoELayers < 0 {
      throw .invalidParameter(component: Self.component, name: "num_moe_layers", value: String(numMoELayers))
    }
    if numMoELayers > 0 {
      let required = [
        ("num_experts", numExperts), ("num_experts_per_tok", numExpertsPerTok),
        ("moe_intermediate_size", moeIntermediateSize),
      ]
      for (name, value) in required where value == 0 {
        throw .invalidParameter(component: Self.component, name: name, value: "0 with MoE layers")
      }
    }
  }

  /// FLOPs, read and write bytes of one step.
  /// - Parameters:
  ///   - ctx: the step's requests.
  ///   - perGPU: `true` for one GPU's share (what vLLM reports), `false` for the whole model.
  public func breakdown(_ ctx: ExecutionContext, perGPU: Bool = true) throws(PerfModelError) -> ComponentBreakdown {
    let s = Scaled(self, ctx, perGPU: perGPU)
    let dModel = hiddenSize
    let a = activationByteSize
    let w = weightByteSize
    let t = PyNumber.int(ctx.totalNumTokens)
    let e = numExpertsPerTok
    let sh = numSharedExperts

    var result = ComponentBreakdown()
    var flops = TermCollector(Self.component)
    if s.denseLayers != 0 { try flops.set("dense_ffn", 2 * PyNumber.int(dModel) * 3 * s.di * t * s.denseLayers) }
    if s.moeLayers != 0 && e != 0 {
      try flops.set("routed_ffn", 2 * PyNumber.int(dModel) * 3 * s.mi * s.activated * s.moeLayers)
    }
    if s.moeLayers != 0 && sh != 0 {
      try flops.set("shared_ffn", 2 * PyNumber.int(dModel) * 3 * s.mi * sh * t * s.moeLayers)
    }
    result.flops = flops.terms

    var read = TermCollector(Self.component)
    if s.denseLayers != 0 {
      let ld = s.denseLayers
      try read.set("dense_up_gate_input", t * dModel * a * ld)
      try read.set("dense_up_gate_weights", 2 * PyNumber.int(dModel) * s.di * w * ld)
      try read.set("dense_silu_input", 2 * t * s.di * a * ld)
      try read.set("dense_down_input", t * s.di * a * ld)
      try read.set("dense_down_weights", PyNumber.int(dModel) * s.di * w * ld)
    }
    if s.moeLayers != 0 {
      let lm = s.moeLayers
      if e != 0 {
        let touched = min(s.activated, s.experts)
        let act = PyNumber.int(s.activated)
        try read.set("routed_up_gate_input", act * dModel * a * lm)
        try read.set("routed_up_gate_weights", 2 * PyNumber.int(dModel) * s.mi * touched * w * lm)
        try read.set("routed_silu_input", 2 * act * s.mi * a * lm)
        try read.set("routed_down_input", act * s.mi * a * lm)
        try read.set("routed_down_weights", PyNumber.int(dModel) * s.mi * touched * w * lm)
      }
      if sh != 0 {
        try read.set("shared_up_gate_input", t * dModel * a * lm)
        try read.set("shared_up_gate_weights", 2 * PyNumber.int(dModel) * s.mi * sh * w * lm)
        try read.set("shared_silu_input", 2 * t * s.mi * sh * a * lm)
        // As coded in perf.py: no factor S on the shared down-projection input.
        try read.set("shared_down_input", t * s.mi * a * lm)
        try read.set("shared_down_weights", PyNumber.int(dModel) * s.mi * sh * w * lm)
      }
    }
    result.readBytes = read.terms

    var write = TermCollector(Self.component)
    if s.denseLayers != 0 {
      let ld = s.denseLayers
      try write.set("dense_up_gate_output", 2 * t * s.di * a * ld)
      try write.set("dense_silu_output", t * s.di * a * ld)
      try write.set("dense_down_output", t * dModel * a * ld)
    }
    if s.moeLayers != 0 {
      let lm = s.moeLayers
      if e != 0 {
        let act = PyNumber.int(s.activated)
        try write.set("routed_up_gate_output", 2 * act * s.mi * a * lm)
        try write.set("routed_silu_output", act * s.mi * a * lm)
        try write.set("routed_down_output", act * dModel * a * lm)
      }
      if sh != 0 {
        try write.set("shared_up_gate_output", 2 * t * sh * s.mi * a * lm)
        try write.set("shared_silu_output", t * sh * s.mi * a * lm)
        try write.set("shared_down_output", t * sh * dModel * a * lm)
      }
    }
    result.writeBytes = write.terms
    return result
  }

  /// The per-GPU (or whole-model) sizes perf.py derives before evaluating the terms.
  private struct Scaled {
    var denseLayers: Int
    var moeLayers: Int
    var di: Int
    var mi: Int
    var activated: Int
    var experts: Int

    init(_ m: FFNMetrics, _ ctx: ExecutionContext, perGPU: Bool) {
      denseLayers = m.numHiddenLayers - m.numMoELayers
      moeLayers = m.numMoELayers
      di = m.intermediateSize
      mi = m.moeIntermediateSize
      activated = m.numExpertsPerTok != 0 ? ctx.totalNumTokens * m.numExpertsPerTok : 0
      experts = m.numExperts
      if perGPU {
        denseLayers = floorDiv(denseLayers, m.ppSize)
        moeLayers = floorDiv(moeLayers, m.ppSize)
        di = floorDiv(di, m.ffnTPSize)
        mi = floorDiv(mi, m.ffnTPSize)
        if m.numExpertsPerTok != 0 { activated = floorDiv(activated, m.ffnEPSize) }
        experts = floorDiv(experts, m.ffnEPSize)
      }
    }
  }
}

/// Python's `a // b` (floor division, also for a negative numerator).
func floorDiv(_ a: Int, _ b: Int) -> Int {
  let q = a / b
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
