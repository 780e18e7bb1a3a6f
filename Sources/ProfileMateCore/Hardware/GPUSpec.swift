/// The datasheet figures of one accelerator that the roofline and MFU figures use.
///
/// All rates are per device, dense (no structured sparsity), in SI units:
/// FLOP/s and bytes/s. A `nil` rate means the vendor publishes no figure for
/// that data type.
public struct GPUSpec: Sendable, Hashable {
  /// The canonical short name, e.g. `H100-SXM`.
  public let name: String
  /// Other names users type or tools print (`h100`, `H100 80GB HBM3`), matched case-insensitively.
  public let aliases: [String]
  /// Device memory in bytes.
  public let memoryBytes: Double
  /// Peak memory bandwidth in bytes/s.
  public let memoryBandwidth: Double
  /// Peak dense FLOP/s with 16-bit floating point (BF16/FP16) tensor-core inputs.
  public let bf16FLOPS: Double
  /// Peak dense FLOP/s with FP8 inputs, where supported.
  public let fp8FLOPS: Double?
  /// Peak dense FLOP/s with TF32 inputs, where supported (used for float32 models).
  public let tf32FLOPS: Double?
  /// Peak dense FLOP/s with 4-bit floating point inputs (FP4/MXFP4/NVFP4), where supported.
  public let fp4FLOPS: Double?
  /// Where the figures come from (a datasheet or whitepaper title).
  public let source: String

  /// Creates a specification.
  public init(
    name: String, aliases: [String], memoryBytes: Double, memoryBandwidth: Double,
    bf16FLOPS: Double, fp8FLOPS: Double?, tf32FLOPS: Double?, fp4FLOPS: Double?, source: String
  ) {
    self.name = name
    self.aliases = aliases
    self.memoryBytes = memoryBytes
    self.memoryBandwidth = memoryBandwidth
    self.bf16FLOPS = bf16FLOPS
    self.fp8FLOPS = fp8FLOPS
    self.tf32FLOPS = tf32FLOPS
    self.fp4FLOPS = fp4FLOPS
    self.source = source
  }

  /// The peak dense FLOP/s for a model dtype as vLLM prints it (`bfloat16`, `float16`,
  /// `float32`, `fp8`, …); falls back to the 16-bit figure when the type has no figure.
  public func peakFLOPS(dtype: String?) -> Double {
    let d = (dtype ?? "bfloat16").lowercased()
    if d.contains("fp8") || d.contains("float8") { return fp8FLOPS ?? bf16FLOPS }
    if d.contains("fp4") { return fp4FLOPS ?? fp8FLOPS ?? bf16FLOPS }
    if d.contains("float32") || d == "fp32" { return tf32FLOPS ?? bf16FLOPS }
    return bf16FLOPS
  }
}
