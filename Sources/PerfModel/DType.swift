import Foundation

/// Model and KV-cache data types as vLLM's `--dtype` and `--kv-cache-dtype` name them.
public enum DType {
  /// Bytes per element of a model dtype name (`bfloat16`, `float16`, `half`, `float32`, `float`, `bf16`, `fp16`,
  /// `fp32`), or `nil` for a name vLLM does not accept.
  public static func byteSize(_ name: String) -> Int? {
    switch name.lowercased().replacingOccurrences(of: "torch.", with: "") {
    case "bfloat16", "bf16", "float16", "half", "fp16": return 2
    case "float32", "float", "fp32": return 4
    default: return nil
    }
  }

  /// The dtype vLLM runs a model in for `--dtype auto`: the config's 16-bit type; a float32 or missing one
  /// becomes bfloat16 (vLLM does not run float32 checkpoints in float32 unless asked).
  public static func resolve(_ requested: String, configDtype: String?) -> String? {
    let r = requested.lowercased()
    if r != "auto" { return byteSize(r) == nil ? nil : r }
    guard let c = configDtype?.lowercased().replacingOccurrences(of: "torch.", with: ""), let size = byteSize(c)
    else { return "bfloat16" }
    return size == 2 ? c : "bfloat16"
  }

  /// Bytes per KV-cache element: `auto` → the model dtype's size; `fp8`, `fp8_e4m3`, `fp8_e5m2`, `fp8_ds_mla`
  /// → 1; an explicit 16/32-bit type → its size; `nil` for an unknown name.
  public static func cacheByteSize(_ kvCacheDtype: String, modelBytes: Int) -> Int? {
    let k = kvCacheDtype.lowercased()
    if k == "auto" { return modelBytes }
    if k.hasPrefix("fp8") { return 1 }
    return byteSize(k)
  }
}
