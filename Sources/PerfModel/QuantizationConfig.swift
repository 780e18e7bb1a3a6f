import StrictJSON

/// A checkpoint's `quantization_config` (or `compression_config`): the method and what it says about widths.
public struct QuantizationConfig: Sendable, Hashable {
  /// `quant_method` as written (`fp8`, `mxfp4`, `awq`, `compressed-tensors`, …).
  public var method: String
  /// `quant_algo` (ModelOpt), upper-cased, if present.
  public var algorithm: String?
  /// The weight bit width the config states (`bits`, `weights.num_bits` of compressed-tensors, bitsandbytes'
  /// `load_in_4bit` / `load_in_8bit`), if any.
  public var weightBits: Int?
  /// `modules_to_not_convert` / `ignore` patterns.
  public var unquantizedModules: [String]

  /// Creates a config from its parts.
  public init(method: String, algorithm: String? = nil, weightBits: Int? = nil, unquantizedModules: [String] = []) {
    self.method = method.lowercased()
    self.algorithm = algorithm?.uppercased()
    self.weightBits = weightBits
    self.unquantizedModules = unquantizedModules
  }

  /// Reads the JSON object.
  init(_ object: JSONValue, source: String) throws(ConfigError) {
    guard let method = object["quant_method"]?.stringValue ?? object["format"]?.stringValue else {
      throw ConfigError.missing(source, "quant_method", in: "quantization_config")
    }
    let algo = object["quant_algo"]?.stringValue ?? object["quantization"]?["quant_algo"]?.stringValue
    var bits = object["bits"]?.intValue ?? object["w_bit"]?.intValue
    if case .object(let groups) = object["config_groups"] ?? .null {
      bits = groups.values.compactMap { $0["weights"]?["num_bits"]?.intValue }.max() ?? bits
    }
    if object["load_in_4bit"]?.boolValue == true { bits = 4 }
    if object["load_in_8bit"]?.boolValue == true { bits = 8 }
    let skip = (object["modules_to_not_convert"] ?? object["ignore"])?.arrayValue?.compactMap(\.stringValue) ?? []
    self.init(method: method, algorithm: algo, weightBits: bits, unquantizedModules: skip)
  }

  /// The name vLLM's quantization config reports (`get_name()`), which perf.py looks up: gpt-oss's MXFP4
  /// checkpoints load as `gpt_oss_mxfp4`, ModelOpt NVFP4 as `modelopt_fp4`; other names pass through.
  public func vllmName(modelType: String?) -> String {
    if method == "mxfp4" && modelType == "gpt_oss" { return "gpt_oss_mxfp4" }
    if method == "modelopt", let algo = algorithm, algo.contains("FP4") { return "modelopt_fp4" }
    return method
  }

  /// Whether the config leaves attention weights unquantized (`modules_to_not_convert` names `self_attn`).
  public var leavesAttentionUnquantized: Bool {
    unquantizedModules.contains { $0.contains("self_attn") || $0.hasSuffix(".attn") }
  }
}
