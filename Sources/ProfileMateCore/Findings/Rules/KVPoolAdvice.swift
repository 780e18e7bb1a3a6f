/// The settings that size a server's KV-cache pool, as advice for its device and its settings in force: the
/// `--num-gpu-blocks-override` that caps the pool when one is set, the CPU backend's `VLLM_CPU_KVCACHE_SPACE` /
/// `--kv-cache-memory-bytes` on CPU, and `--gpu-memory-utilization`, an fp8 KV cache and tensor parallelism on
/// GPUs (a flag already in force is not proposed again). Shared by the rules that end in "give the KV cache
/// more room".
enum KVPoolAdvice {
  /// A clause naming what to raise (`raise or drop --num-gpu-blocks-override (now 12 blocks)`, …).
  static func moreRoom(_ c: EngineConfig) -> String {
    if let override = c.nonDefaultArgs["num_gpu_blocks_override"].flatMap({ Int($0) }) {
      return "raise or drop --num-gpu-blocks-override (now \(override) blocks: it caps the pool)"
    }
    if c.device?.value.lowercased() == "cpu" {
      return "give the CPU backend more KV memory (VLLM_CPU_KVCACHE_SPACE in GiB, or --kv-cache-memory-bytes)"
    }
    var parts = ["raise --gpu-memory-utilization"]
    let kvDtype = c.kvCacheDtype?.value.lowercased() ?? "auto"
    if !kvDtype.hasPrefix("fp8") { parts.append("use --kv-cache-dtype fp8") }
    parts.append("raise --tensor-parallel-size")
    return parts.joined(separator: ", ")
  }
}
