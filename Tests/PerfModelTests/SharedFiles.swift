import Foundation

/// Paths of the shared spec and fixtures (`../shared` beside the package root) and a JSON loader.
enum SharedFiles {
  /// The package root, from this file's path.
  static let root: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/PerfModelTests/SharedFiles.swift
    return parts.joined(separator: "/")
  }()

  /// `../shared/<relative>`.
  static func shared(_ relative: String) -> String { root + "/../shared/" + relative }

  /// The vLLM 0.33 acceptance vectors.
  static let vectors = shared("spec/perf-vectors/vllm-0.33-perf-vectors.json")

  /// A real Hugging Face config from `fixtures/real/configs`.
  static func config(_ name: String) -> String { shared("fixtures/real/configs/\(name).config.json") }

  /// The tiny Llama of the vLLM 0.32 CPU runs.
  static let tinyLlama = shared("fixtures/vllm-cpu/tiny-llama-config.json")

  /// Every real config file.
  static let allConfigs = [
    "Qwen--Qwen2.5-7B", "Qwen--Qwen3-30B-A3B", "deepseek-ai--DeepSeek-V3", "google--gemma-4-26B-A4B",
    "meta-llama--Llama-2-7b-hf", "meta-llama--Meta-Llama-3.1-70B", "meta-llama--Meta-Llama-3.1-8B",
    "mistralai--Mixtral-8x7B-v0.1", "openai--gpt-oss-120b",
  ]

  /// Reads a JSON object from a file.
  static func jsonObject(_ path: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw CocoaError(.fileReadCorruptFile)
    }
    return object
  }
}
