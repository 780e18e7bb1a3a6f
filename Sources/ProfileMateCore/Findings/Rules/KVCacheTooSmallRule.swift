/// `kv_cache_too_small`: the engine refused to start because its KV cache cannot hold one request of
/// `max_model_len`. The advice names the settings that size the pool on the server's device (on CPU
/// `VLLM_CPU_KVCACHE_SPACE` or `--kv-cache-memory-bytes`, on GPUs `--gpu-memory-utilization`), the
/// `--num-gpu-blocks-override` that capped it when one was set, and the largest `--max-model-len` that fits,
/// as vLLM estimated it.
package struct KVCacheTooSmallRule: LogFindingRule {
  package let info = RuleInfo(
    id: "kv_cache_too_small", area: .failures, sources: [.log], severities: [.critical],
    summary: "start-up failed: the KV cache cannot hold one request of max_model_len")

  package init() {}

  package func evaluate(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    let m = a.model
    guard let first = m.events.first(where: { $0.kind == .kvCacheTooSmall }) else { return [] }
    let text = first.message
    // "max seq len (4096)" / "max seq len (4096) is larger than … KV cache (3968)" / "length is 3968."
    let needed = Self.number(after: "max seq len (", in: text)
    let fits =
      Self.number(after: "estimated maximum model length is ", in: text)
      ?? Self.number(after: "stored in KV cache (", in: text)
    let c = m.config
    let device = c.device?.value.lowercased()
    let override = c.nonDefaultArgs["num_gpu_blocks_override"].flatMap { Int($0) }
    var evidence = [Evidence(text, lines: m.eventLines(.kvCacheTooSmall))]
    if let override {
      evidence.append(Evidence("--num-gpu-blocks-override \(override) caps the pool at \(override) blocks"))
    }
    var fixes: [String] = []
    if let override {
      fixes.append("raise or drop --num-gpu-blocks-override (now \(override) blocks)")
    } else if device == "cpu" {
      fixes.append(
        "give the CPU backend more KV memory (VLLM_CPU_KVCACHE_SPACE in GiB, or --kv-cache-memory-bytes)")
    } else {
      fixes.append("raise --gpu-memory-utilization (or set --kv-cache-memory-bytes)")
    }
    if let fits { fixes.append("start with --max-model-len \(fits) or less, which fits the pool as it is") }
    if device != "cpu", override == nil { fixes.append("or --kv-cache-dtype fp8 / a larger --tensor-parallel-size") }
    return [
      Finding(
        id: info.id, severity: .critical,
        title: "The engine did not start: its KV cache cannot hold one request of max_model_len"
          + (needed.map { " (\(Format.grouped($0)) tokens)" } ?? ""),
        evidence: evidence,
        recommendation: Self.sentence(fixes.joined(separator: "; ")))
    ]
  }

  /// `s` with its first letter capitalised and a full stop.
  static func sentence(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() + "." }

  /// The whole number right after `marker` in `text`, if any.
  static func number(after marker: String, in text: String) -> Int? {
    guard let r = text.firstRange(of: marker) else { return nil }
    return Int(text[r.upperBound...].prefix { $0.isNumber })
  }
}
