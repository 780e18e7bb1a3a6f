/// The LM head (unembedding): perf.py's `unembed` component (vLLM 0.16+ semantics: only tokens that need
/// logits are billed, i.e. one per prefill request plus every decode token).
///
/// The vocabulary is split over TP ranks; pipeline parallelism does not divide it. The weight byte size is
/// always the model dtype's (quantization is not applied to the LM head by perf.py).
public struct UnembedMetrics: Sendable, Hashable {
  /// The component name and breakdown-key prefix.
  public static let component = "unembed"

  /// D: hidden size.
  public var hiddenSize: Int
  /// V: vocabulary size.
  public var vocabSize: Int
  /// Bytes per weight (model dtype).
  public var weightByteSize: Int
  /// Bytes per activation element.
  public var activationByteSize: Int
  /// Tensor-parallel size.
  public var tpSize: Int

  /// Creates the component from its fields.
  public init(hiddenSize: Int, vocabSize: Int, weightByteSize: Int, activationByteSize: Int, tpSize: Int) {
    self.hiddenSize = hiddenSize
    self.vocabSize = vocabSize
    self.weightByteSize = weightByteSize
    self.activationByteSize = activationByteSize
    self.tpSize = tpSize
  }

  /// Checks the ranges perf.py's pydantic model enforces (`gt=0`; `tp_size` only has to divide).
  public func validate() throws(PerfModelError) {
    let positive: [(String, Int)] = [
      ("hidden_size", hiddenSize), ("vocab_size", vocabSize), ("weight_byte_size", weightByteSize),
      ("activation_byte_size", activationByteSize), ("tp_size", tpSize),
    ]
    for (name, value) in positive where value <= 0 {
      throw .invalidParameter(component: Self.component, name: name, value: String(value))
    }
  }

  /// FLOPs, read and write bytes of one step.
  /// - Parameters:
  ///   - ctx: the step's requests.
  ///   - perGPU: `true` for one GPU's share (what vLLM reports), `false` for the whole model.
  public func breakdown(_ ctx: ExecutionContext, perGPU: Bool = true) throws(PerfModelError) -> ComponentBreakdown {
    let vocab = perGPU ? floorDiv(vocabSize, tpSize) : vocabSize
    let t = PyNumber.int(ctx.numLogitsTokens)
    var result = ComponentBreakdown()
    var flops = TermCollector(Self.component)
    try flops.set("unembed", 2 * t * hiddenSize * vocab)
    result.flops = flops.terms
    var read = TermCollector(Self.component)
    try read.set("input", t * hiddenSize * activationByteSize)
    try read.set("weight", PyNumber.int(hiddenSize) * vocab * weightByteSize)
    result.readBytes = read.terms
    var write = TermCollector(Self.component)
    try write.set("output", t * vocab * activationByteSize)
    result.writeBytes = write.terms
    return result
  }
}
