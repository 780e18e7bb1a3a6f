import Foundation
import Testing

@testable import PerfModel

/// Every vector of `vllm-0.33-perf-vectors.json` (produced by executing vLLM 0.33's own perf.py): the
/// component's fields and requests go in, and every recorded breakdown must come out identical.
@Suite struct PerfVectorTests {
  struct Vector: Sendable, CustomStringConvertible {
    let index: Int
    let source: String
    let component: String
    /// Numeric fields; a `null` field (no sliding window, no q_lora_rank) is absent.
    let fields: [String: PyNumber]
    let requests: [ExecutionContext.Request]
    let perGPU: Bool
    let expected: [String: [String: Int]]

    var description: String { "#\(index + 1) \(component) \(source)" }
  }

  static func loadVectors() throws -> [Vector] {
    let root = try SharedFiles.jsonObject(SharedFiles.vectors)
    let list = try #require(root["vectors"] as? [[String: Any]])
    return try list.enumerated().map { index, v in
      let requests = try #require(v["requests"] as? [[Any]]).map { r in
        ExecutionContext.Request(
          numTokens: r[0] as? Int ?? -1, contextLength: r[1] as? Int ?? -1, isPrefill: r[2] as? Bool ?? false)
      }
      var expected: [String: [String: Int]] = [:]
      for kind in ["flops", "read_bytes", "write_bytes"] {
        if let d = v[kind] as? [String: Any] { expected[kind] = d.compactMapValues { $0 as? Int } }
      }
      return Vector(
        index: index, source: v["source"] as? String ?? "", component: v["component"] as? String ?? "",
        fields: try #require(v["fields"] as? [String: Any]).compactMapValues(Self.pyNumber), requests: requests,
        perGPU: v["per_gpu"] as? Bool ?? true, expected: expected)
    }
  }

  /// A JSON number as Python read it: integral literals are `int`, the others (`0.5`) `float`.
  static func pyNumber(_ value: Any) -> PyNumber? {
    if let i = value as? Int { return .int(i) }
    if let d = value as? Double { return .float(d) }
    return nil
  }

  static func int(_ f: [String: PyNumber], _ key: String) throws -> Int {
    guard case .int(let i) = f[key] else { throw VectorError(field: key) }
    return i
  }

  static func number(_ f: [String: PyNumber], _ key: String) throws -> PyNumber {
    guard let n = f[key] else { throw VectorError(field: key) }
    return n
  }

  static func optionalInt(_ f: [String: PyNumber], _ key: String) -> Int? {
    guard case .int(let i) = f[key] else { return nil }
    return i
  }

  struct VectorError: Error { let field: String }

  static func breakdown(_ v: Vector) throws -> ComponentBreakdown {
    let f = v.fields
    let ctx = ExecutionContext(v.requests)
    switch v.component {
    case "attn":
      let m = AttentionMetrics(
        numHiddenLayers: try int(f, "num_hidden_layers"), hiddenSize: try int(f, "hidden_size"),
        numAttentionHeads: try int(f, "num_attention_heads"),
        activationByteSize: try int(f, "activation_byte_size"), tpSize: try int(f, "tp_size"),
        ppSize: try int(f, "pp_size"), numKeyValueHeads: try int(f, "num_key_value_heads"),
        headDim: try int(f, "head_dim"), cacheByteSize: try int(f, "cache_byte_size"),
        weightByteSize: try number(f, "weight_byte_size"), slidingWindow: optionalInt(f, "sliding_window"),
        numSWALayers: try int(f, "num_swa_layers"))
      try m.validate()
      return try m.breakdown(ctx, perGPU: v.perGPU)
    case "mla_attn":
      let m = MLAAttentionMetrics(
        numHiddenLayers: try int(f, "num_hidden_layers"), hiddenSize: try int(f, "hidden_size"),
        numAttentionHeads: try int(f, "num_attention_heads"),
        activationByteSize: try int(f, "activation_byte_size"), tpSize: try int(f, "tp_size"),
        ppSize: try int(f, "pp_size"), weightByteSize: try number(f, "weight_byte_size"),
        kvLoraRank: try int(f, "kv_lora_rank"), qkNopeHeadDim: try int(f, "qk_nope_head_dim"),
        qkRopeHeadDim: try int(f, "qk_rope_head_dim"), vHeadDim: try int(f, "v_head_dim"),
        qLoraRank: optionalInt(f, "q_lora_rank"), cacheByteSize: try int(f, "cache_byte_size"))
      try m.validate()
      return try m.breakdown(ctx, perGPU: v.perGPU)
    case "ffn":
      let m = FFNMetrics(
        numHiddenLayers: try int(f, "num_hidden_layers"), hiddenSize: try int(f, "hidden_size"),
        activationByteSize: try int(f, "activation_byte_size"), ppSize: try int(f, "pp_size"),
        ffnTPSize: try int(f, "ffn_tp_size"), ffnEPSize: try int(f, "ffn_ep_size"),
        intermediateSize: try int(f, "intermediate_size"), numExperts: try int(f, "num_experts"),
        numExpertsPerTok: try int(f, "num_experts_per_tok"),
        moeIntermediateSize: try int(f, "moe_intermediate_size"),
        numSharedExperts: try int(f, "num_shared_experts"), numMoELayers: try int(f, "num_moe_layers"),
        weightByteSize: try number(f, "weight_byte_size"))
      try m.validate()
      return try m.breakdown(ctx, perGPU: v.perGPU)
    case "unembed":
      let m = UnembedMetrics(
        hiddenSize: try int(f, "hidden_size"), vocabSize: try int(f, "vocab_size"),
        weightByteSize: try int(f, "weight_byte_size"), activationByteSize: try int(f, "activation_byte_size"),
        tpSize: try int(f, "tp_size"))
      try m.validate()
      return try m.breakdown(ctx, perGPU: v.perGPU)
    default:
      Issue.record("unknown component \(v.component)")
      return ComponentBreakdown()
    }
  }

  static func dictionary(_ terms: [ComponentBreakdown.Term]) -> [String: Int] {
    Dictionary(terms.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
  }

  @Test func theFileHoldsAllVectors() throws {
    // 135 = 75 from vLLM's tests (spec Appendix A, V1–V75) + 60 generated.
    #expect(try Self.loadVectors().count == 135)
  }

  @Test(arguments: try PerfVectorTests.loadVectors())
  func vectorIsReproducedExactly(_ v: Vector) throws {
    let b = try Self.breakdown(v)
    #expect(!v.expected.isEmpty)
    if let e = v.expected["flops"] { #expect(Self.dictionary(b.flops) == e, "\(v)") }
    if let e = v.expected["read_bytes"] { #expect(Self.dictionary(b.readBytes) == e, "\(v)") }
    if let e = v.expected["write_bytes"] { #expect(Self.dictionary(b.writeBytes) == e, "\(v)") }
  }
}
