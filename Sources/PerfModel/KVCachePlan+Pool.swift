/// How the KV pool's size is set, in vLLM's order of precedence.
public enum KVPoolSource: Sendable, Hashable {
  /// `--num-gpu-blocks-override N` (GPU and CPU): the pool is N blocks whatever the memory.
  case blocksOverride(Int)
  /// `--kv-cache-memory-bytes N` (≥ v0.11): N bytes, skipping the memory profile.
  case kvCacheMemoryBytes(Int)
  /// `VLLM_CPU_KVCACHE_SPACE` (whole GiB: vLLM parses it with `int()`) on the CPU backend, which vLLM turns into
  /// `kv_cache_memory_bytes`: `Explicitly set (X/Y) GiB for KV cache`.
  case cpuKVCacheSpaceGiB(Int)
  /// The CPU backend with neither set: `ceil(node memory × gpu_memory_utilization) − the worker's RSS`
  /// (`Auto set (X/Y) GiB for KV cache …, N GiB memory was consumed by non-kv usages`).
  case cpuAuto(nodeMemoryBytes: Double, utilization: Double, consumedBytes: Double)
  /// Bytes from a budget: the profile-run estimate (``KVMemoryBudget``) or a log's `Available KV cache memory`.
  case availableBytes(Int)
}

extension KVCachePlan {
  /// vLLM's CPU backend block size (`--block-size` default on CPU: 128; GPU: 16).
  public static let cpuDefaultBlockSize = 128

  /// The pool's block count for a source, as vLLM computes it (`num_blocks = bytes // page // group_size`, or the
  /// override).
  public func numBlocks(_ source: KVPoolSource) -> Int {
    switch source {
    case .blocksOverride(let n): return max(0, n)
    case .kvCacheMemoryBytes(let b), .availableBytes(let b): return numBlocks(availableBytes: b)
    case .cpuKVCacheSpaceGiB(let g): return numBlocks(availableBytes: g * 1_073_741_824)
    case .cpuAuto(let node, let utilization, let consumed):
      let requested = (node * utilization).rounded(.up)
      return numBlocks(availableBytes: max(0, Int(requested - consumed)))
    }
  }

  /// Blocks requests can use: vLLM's block pool keeps block 0 as the shared null block (what the sliding-window
  /// and skipped positions point at), so one block fewer than the pool holds. vLLM's `KV cache size` line and
  /// `num_gpu_blocks` count the whole pool.
  public func usableBlocks(numBlocks: Int) -> Int { max(0, numBlocks - 1) }

  /// The block counts a logged `Available KV cache memory: X GiB` allows: vLLM rounds the bytes to `decimals`
  /// places of GiB, so any byte count in `[X − ½·10⁻ᵈ, X + ½·10⁻ᵈ)` GiB could have produced the line.
  public func numBlocks(loggedGiB x: Double, decimals: Int = 2) -> ClosedRange<Int> {
    let half = 0.5 / pow10(decimals)
    let gib = 1_073_741_824.0
    let low = numBlocks(availableBytes: Int(((x - half) * gib).rounded(.up)))
    let high = numBlocks(availableBytes: Int(((x + half) * gib).rounded(.up)) - 1)
    return low...max(low, high)
  }

  private func pow10(_ n: Int) -> Double { (0..<max(0, n)).reduce(1.0) { r, _ in r * 10 } }
}
