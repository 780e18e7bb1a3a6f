import ProfileMateCore

extension ReportDocument {
  /// The line each engine fact was read from (`engine.source_lines`). The one object that leaves a member out
  /// when it is unknown, rather than writing `null`.
  public struct SourceLines: Codable, Sendable, Equatable {
    /// `vllm_version`.
    public var vllmVersion: Int?
    /// `model`.
    public var model: Int?
    /// `max_model_len`.
    public var maxModelLen: Int?
    /// `max_num_batched_tokens`.
    public var maxNumBatchedTokens: Int?
    /// `max_num_seqs`.
    public var maxNumSeqs: Int?
    /// `cudagraph_mode`.
    public var cudagraphMode: Int?
    /// `cudagraph_capture_sizes`.
    public var cudagraphCaptureSizes: Int?
    /// `kv_cache_tokens`.
    public var kvCacheTokens: Int?
    /// `max_concurrency`.
    public var maxConcurrency: Int?
    /// `available_kv_cache_gib`.
    public var availableKVCacheGiB: Int?
    /// `attention_backend`.
    public var attentionBackend: Int?

    enum CodingKeys: String, CodingKey {
      case vllmVersion = "vllm_version"
      case model
      case maxModelLen = "max_model_len"
      case maxNumBatchedTokens = "max_num_batched_tokens"
      case maxNumSeqs = "max_num_seqs"
      case cudagraphMode = "cudagraph_mode"
      case cudagraphCaptureSizes = "cudagraph_capture_sizes"
      case kvCacheTokens = "kv_cache_tokens"
      case maxConcurrency = "max_concurrency"
      case availableKVCacheGiB = "available_kv_cache_gib"
      case attentionBackend = "attention_backend"
    }

    /// Writes the known lines only.
    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      let lines: [(CodingKeys, Int?)] = [
        (.vllmVersion, vllmVersion), (.model, model), (.maxModelLen, maxModelLen),
        (.maxNumBatchedTokens, maxNumBatchedTokens), (.maxNumSeqs, maxNumSeqs), (.cudagraphMode, cudagraphMode),
        (.cudagraphCaptureSizes, cudagraphCaptureSizes), (.kvCacheTokens, kvCacheTokens),
        (.maxConcurrency, maxConcurrency), (.availableKVCacheGiB, availableKVCacheGiB),
        (.attentionBackend, attentionBackend),
      ]
      for (key, line) in lines {
        if let line { try c.encode(line, forKey: key) }
      }
    }
  }
}

extension ReportDocument.SourceLines {
  /// The lines of the facts of `c` that are known.
  init(_ c: EngineConfig) {
    self.init(
      vllmVersion: c.vllmVersion?.line, model: c.model?.line, maxModelLen: c.maxModelLen?.line,
      maxNumBatchedTokens: c.maxNumBatchedTokens?.line, maxNumSeqs: c.maxNumSeqs?.line,
      cudagraphMode: c.cudagraphMode?.line, cudagraphCaptureSizes: c.cudagraphCaptureSizes?.line,
      kvCacheTokens: c.kvCacheTokens?.line, maxConcurrency: c.maxConcurrency?.line,
      availableKVCacheGiB: c.availableKVCacheGiB?.line, attentionBackend: c.attentionBackend?.line)
  }
}
