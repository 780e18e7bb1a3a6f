/// perf.py's `_QUANT_WEIGHT_BYTE_SIZE` (vLLM 0.19 → 0.33): effective bytes per weight by quantization name.
///
/// A name missing here makes vLLM skip the attention, MLA and FFN components silently (their FLOPs and bytes
/// are then absent from the MFU figures). The LM head always keeps the model dtype.
public enum QuantizationTable {
  /// Bytes per weight by vLLM quantization name (`fp8` → 1, 4-bit methods → 0.5).
  public static let weightByteSize: [String: PyNumber] = [
    "fp8": .int(1), "fbgemm_fp8": .int(1), "ptpc_fp8": .int(1), "fp_quant": .int(1), "modelopt": .int(1),
    "modelopt_mxfp8": .int(1), "experts_int8": .int(1),
    "mxfp4": .float(0.5), "awq": .float(0.5), "awq_marlin": .float(0.5), "gptq": .float(0.5),
    "gptq_marlin": .float(0.5), "modelopt_fp4": .float(0.5), "petit_nvfp4": .float(0.5),
    "compressed-tensors": .float(0.5), "torchao": .float(0.5), "quark": .float(0.5), "moe_wna16": .float(0.5),
    "inc": .float(0.5),
  ]

  /// The byte size perf.py uses for a vLLM quantization name, or `nil` when it does not know the name.
  public static func vllmByteSize(_ name: String) -> PyNumber? { weightByteSize[name] }

  /// ProfileMate's byte size for a checkpoint: the stated bit width when the config gives one
  /// (`compressed-tensors` with 8-bit weights is 1 byte, not perf.py's flat 0.5), else the table value of the
  /// raw method name (`mxfp4` → 0.5 also for gpt-oss), else `nil` (unknown).
  public static func correctedByteSize(_ q: QuantizationConfig) -> PyNumber? {
    if let bits = q.weightBits, bits > 0 {
      return bits % 8 == 0 ? .int(bits / 8) : .float(Double(bits) / 8)
    }
    if q.method == "bitsandbytes" { return .float(0.5) }
    return weightByteSize[q.vllmName(modelType: nil)]
  }
}
