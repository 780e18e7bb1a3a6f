/// The `vllm:cache_config_info` labels: the engine's CacheConfig, stringified by vLLM.
public struct CacheConfigInfo: Sendable, Equatable {
  /// Every label as exported (`block_size` → `"16"`).
  public var labels: Labels
  /// 1-based line of the sample.
  public var line: Int

  /// Creates the info from the sample's labels.
  public init(labels: Labels, line: Int = 0) {
    self.labels = labels
    self.line = line
  }

  /// Tokens per KV block (`block_size`).
  public var blockSize: Int? { labels["block_size"].flatMap { Int($0) } }
  /// Fraction of device memory vLLM may use (`gpu_memory_utilization`).
  public var gpuMemoryUtilization: Double? { labels["gpu_memory_utilization"].flatMap(FloatParser.parse) }
  /// KV blocks on the device (`num_gpu_blocks`); nil when `None`.
  public var numGPUBlocks: Int? { labels["num_gpu_blocks"].flatMap { Int($0) } }
  /// KV blocks in CPU swap space (`num_cpu_blocks`, V0); nil when `None`.
  public var numCPUBlocks: Int? { labels["num_cpu_blocks"].flatMap { Int($0) } }
  /// Whether prefix caching is on (`enable_prefix_caching`).
  public var prefixCachingEnabled: Bool? {
    switch labels["enable_prefix_caching"] {
    case "True": return true
    case "False": return false
    default: return nil
    }
  }
  /// KV-cache data type (`cache_dtype`).
  public var cacheDtype: String? { labels["cache_dtype"] }
  /// KV-cache capacity in tokens: blocks × block size.
  public var kvCapacityTokens: Int? {
    guard let blocks = numGPUBlocks, let size = blockSize else { return nil }
    let (tokens, overflow) = blocks.multipliedReportingOverflow(by: size)
    return overflow ? nil : tokens
  }
}
