/// The scheduler settings of a mock vLLM V1 engine: the `vllm serve` flags of the same names.
public struct EngineConfig: Sendable, Equatable {
  /// `--max-num-seqs`: the most requests in the running batch.
  public var maxNumSeqs: Int
  /// `--max-num-batched-tokens`: the token budget of one step.
  public var maxNumBatchedTokens: Int
  /// Chunked prefill (on by default in V1): a prompt longer than the remaining budget is split over steps.
  public var chunkedPrefill: Bool
  /// `--block-size`: tokens per KV block.
  public var blockSize: Int
  /// KV blocks in the pool (`num_gpu_blocks`).
  public var numBlocks: Int
  /// `--max-model-len`: the longest prompt + output a request may have.
  public var maxModelLen: Int

  /// Creates a configuration; the defaults are vLLM V1's defaults for an OpenAI server on a GPU, with a
  /// 65,536-token KV pool.
  public init(
    maxNumSeqs: Int = 256, maxNumBatchedTokens: Int = 2048, chunkedPrefill: Bool = true, blockSize: Int = 16,
    numBlocks: Int = 4096, maxModelLen: Int = 4096
  ) {
    self.maxNumSeqs = maxNumSeqs
    self.maxNumBatchedTokens = maxNumBatchedTokens
    self.chunkedPrefill = chunkedPrefill
    self.blockSize = blockSize
    self.numBlocks = numBlocks
    self.maxModelLen = maxModelLen
  }

  /// The first setting that cannot work, as a message naming its flag; nil when all are usable.
  public var problem: String? {
    if maxNumSeqs < 1 || maxNumSeqs > 1_000_000 { return "--max-num-seqs must be 1…1000000" }
    if maxNumBatchedTokens < 1 || maxNumBatchedTokens > 10_000_000 {
      return "--max-num-batched-tokens must be 1…10000000"
    }
    if blockSize < 1 || blockSize > 4096 { return "--block-size must be 1…4096" }
    if numBlocks < 1 || numBlocks > 100_000_000 { return "--num-gpu-blocks must be 1…100000000" }
    if maxModelLen < 2 || maxModelLen > 10_000_000 { return "--max-model-len must be 2…10000000" }
    if !chunkedPrefill && maxNumBatchedTokens < maxModelLen {
      return "without chunked prefill --max-num-batched-tokens must be at least --max-model-len"
    }
    return nil
  }

  /// The KV pool's capacity in tokens.
  public var kvCapacityTokens: Int { numBlocks * blockSize }
}
