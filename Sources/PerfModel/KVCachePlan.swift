/// vLLM's KV-cache sizing for one GPU (spec §7): page sizes, hybrid sliding-window groups, blocks, capacity and
/// concurrency at a `max_model_len`, reproducing the figures of its `KV cache size` / `Maximum concurrency` line.
public struct KVCachePlan: Sendable, Hashable {
  /// The attention kind of one layer, which decides its KV-cache spec.
  public enum LayerKind: Sendable, Hashable {
    /// Full attention: keeps every token.
    case full
    /// Sliding-window attention with this window.
    case slidingWindow(Int)
    /// MLA: one latent vector per token.
    case mla
  }

  /// How vLLM prints the token capacity.
  public enum TokenRule: String, Sendable, Hashable {
    /// v0.9.2–v0.20: `num_blocks // num_groups × block_size`.
    case blocksPerGroup
    /// v0.21 →: `int(max_concurrency × max_model_len)`.
    case concurrencyTimesLength
  }

  /// One KV-cache group kind: its spec and how many layers of that kind the rank holds.
  public struct LayerGroup: Sendable, Hashable {
    /// The spec.
    public var kind: LayerKind
    /// Layers of this kind on the rank.
    public var layers: Int
    /// Groups of `groupSize` layers this kind occupies (`ceil(layers / groupSize)`).
    public var groups: Int
    /// Tokens per block of this kind: `--block-size`, or a multiple of it when the kind's layers need fewer bytes
    /// per token than the largest (vLLM's `unify_kv_cache_spec_page_size` grows their block to the common page).
    public var blockSize: Int = 16
  }

  /// Tokens per block (`--block-size`).
  public var blockSize: Int
  /// `--max-num-batched-tokens` (bounds what a sliding-window layer keeps while a chunk is in flight).
  public var maxNumBatchedTokens: Int
  /// Bytes of one token in one layer (K and V, or the MLA latent), on this rank — for layers that differ
  /// (Gemma 4), the largest, which sets the common page.
  public var bytesPerTokenPerLayer: Int
  /// Bytes of one token in each layer of the rank, in order.
  public var layerBytesPerToken: [Int]
  /// The kinds of the rank's layers that hold KV cache, in order (KV-shared layers hold none).
  public var layers: [LayerKind]
  /// Layers per KV-cache group: each tensor is shared by one layer of every group.
  public var groupSize: Int
  /// The kinds, in first-seen order, with their layer and group counts.
  public var kinds: [LayerGroup]

  /// Plans the KV cache of the pipeline stage with the most layers.
  /// - Parameters:
  ///   - config: the model.
  ///   - deployment: TP/PP sizes, dtypes, `--disable-sliding-window`.
  ///   - blockSize: tokens per block.
  ///   - maxNumBatchedTokens: the scheduler's token budget per step.
  /// - Throws: ``ConfigError`` for an unknown dtype or KV-cache dtype, or a page too large for 64-bit sizes.
  public init(
    config: ModelConfig, deployment: Deployment, blockSize: Int = 16, maxNumBatchedTokens: Int = 8192
  ) throws(ConfigError) {
    guard let dtype = DType.resolve(deployment.dtype, configDtype: config.configDtype),
      let modelBytes = DType.byteSize(dtype)
    else { throw ConfigError(source: config.source, problem: "unknown --dtype '\(deployment.dtype)'") }
    guard let cacheBytes = DType.cacheByteSize(deployment.kvCacheDtype, modelBytes: modelBytes) else {
      throw ConfigError(source: config.source, problem: "unknown --kv-cache-dtype '\(deployment.kvCacheDtype)'")
    }
    self.blockSize = blockSize
    self.maxNumBatchedTokens = maxNumBatchedTokens

    let total = config.numHiddenLayers
    let pp = max(1, deployment.pipelineParallelSize)
    // Layers that reuse an earlier layer's K/V (Gemma 4's last `num_kv_shared_layers`) allocate no cache.
    let firstShared = total - min(total, config.numKVSharedLayers)
    let stage = Self.largestStage(layers: total, pipelineParallelSize: pp).filter { $0 < firstShared }
    var kinds: [LayerKind]
    var perLayer: [Int]
    if let mla = config.mla {
      bytesPerTokenPerLayer = try Self.product([mla.kvLoraRank + mla.qkRopeHeadDim, cacheBytes], config)
      perLayer = Array(repeating: bytesPerTokenPerLayer, count: stage.count)
      kinds = Array(repeating: .mla, count: stage.count)
    } else {
      let tp = max(1, deployment.tensorParallelSize)
      let shapes = config.layerAttention
      perLayer = []
      for i in stage {
        let kv =
          shapes.map { i < $0.count ? $0[i].numKeyValueHeads : config.numKeyValueHeads } ?? config.numKeyValueHeads
        let hd = shapes.map { i < $0.count ? $0[i].headDim : config.headDim } ?? config.headDim
        perLayer.append(try Self.product([2, max(1, kv / tp), hd, cacheBytes], config))
      }
      bytesPerTokenPerLayer = perLayer.max() ?? 0
      let window = deployment.disableSlidingWindow ? nil : config.slidingWindow
      kinds = stage.map { i in
        guard let w = window, w > 0 else { return .full }
        if let types = config.layerTypes {
          return i < types.count && types[i].lowercased().contains("sliding") ? .slidingWindow(w) : .full
        }
        if config.modelType == "gemma2" { return i % 2 == 0 ? .slidingWindow(w) : .full }
        return .slidingWindow(w)
      }
    }
    layers = kinds
    layerBytesPerToken = perLayer
    // Every size below is at most block × bytes per token and layer × layers.
    _ = try Self.product([max(1, blockSize), bytesPerTokenPerLayer, max(1, kinds.count)], config)
    // A layer whose page is a divisor of the largest holds proportionally more tokens per block; one that is
    // not is padded to the largest page and keeps the block size.
    let maxPage = blockSize * bytesPerTokenPerLayer
    var counts: [(LayerKind, Int, Int)] = []
    for (k, bytes) in zip(kinds, perLayer) {
      let page = blockSize * bytes
      let tokens = page > 0 && page < maxPage && maxPage % page == 0 ? blockSize * (maxPage / page) : blockSize
      if let i = counts.firstIndex(where: { $0.0 == k && $0.2 == tokens }) {
        counts[i].1 += 1
      } else {
        counts.append((k, 1, tokens))
      }
    }
    // vLLM's uniform-page grouping: groups of the smallest kind's size, or of the largest when all kinds are
    // within 25 % of each other; a single kind is one group of all its layers.
    let minCount = counts.map(\.1).min() ?? 0
    let maxCount = counts.map(\.1).max() ?? 0
    let size = counts.count <= 1 ? maxCount : (Double(maxCount) < Double(minCount) * 1.25 ? maxCount : minCount)
    groupSize = max(1, size)
    self.kinds = counts.map {
      LayerGroup(kind: $0.0, layers: $0.1, groups: ($0.1 + size - 1) / max(1, size), blockSize: $0.2)
    }
  }

  /// The layers of the pipeline stage with the most layers, as vLLM's `get_pp_indices` assigns them: every stage
  /// gets `L // pp`, and the remainder goes one each to the stages before the last, from the second-to-last
  /// backwards (the last stage also holds the final norm and LM head). Of equal stages, the latest.
  public static func largestStage(layers total: Int, pipelineParallelSize pp: Int) -> Range<Int> {
    let pp = max(1, pp)
    let base = total / pp
    let remainder = total % pp
    guard remainder > 0 else { return (total - base)..<total }
    // Stages pp − 1 − remainder … pp − 2 hold base + 1; take stage pp − 2, after pp − 2 stages of which the
    // last remainder − 1 are the larger ones.
    let start = (pp - 2) * base + remainder - 1
    return start..<(start + base + 1)
  }

  /// The product of `factors`, or an error when it does not fit in `Int`.
  private static func product(_ factors: [Int], _ config: ModelConfig) throws(ConfigError) -> Int {
    var p = 1
    for f in factors {
      let (r, overflow) = p.multipliedReportingOverflow(by: f)
      if overflow {
        throw ConfigError(
          source: config.source, problem: "the KV-cache page size does not fit in a 64-bit integer")
      }
      p = r
    }
    return p
  }

  /// Bytes of one block of one layer (`KVCacheSpec.page_size_bytes`).
  public var pageBytes: Int { blockSize * bytesPerTokenPerLayer }

  /// KV-cache groups in all.
  public var numGroups: Int { kinds.reduce(0) { $0 + $1.groups } }

  /// Bytes one more token of context costs on this rank in full-attention (and MLA) layers.
  public var fullBytesPerToken: Int {
    zip(layers, layerBytesPerToken).filter { $0.0 == .full || $0.0 == .mla }.reduce(0) { $0 + $1.1 }
  }

  /// Bytes per token on this rank if every layer kept every token (sliding layers counted as full).
  public var bytesPerTokenAllLayers: Int { layerBytesPerToken.reduce(0, +) }

  /// Blocks that fit in the available KV memory: `available // page // group_size`.
  public func numBlocks(availableBytes: Int) -> Int {
    guard pageBytes > 0 else { return 0 }
    return availableBytes / pageBytes / groupSize
  }

  /// Blocks one request of `maxModelLen` tokens needs: Σ over groups of each spec's worst case.
  public func blocksPerRequest(maxModelLen: Int) -> Int {
    var blocks = 0
    for g in kinds {
      let perGroup: Int
      switch g.kind {
      case .full, .mla:
        perGroup = ceilDiv(maxModelLen, g.blockSize)
      case .slidingWindow(let w):
        perGroup = ceilDiv(min(saturatingAdd(w - 1, maxNumBatchedTokens), maxModelLen), g.blockSize) + 1
      }
      blocks = saturatingAdd(blocks, saturatingMultiply(perGroup, g.groups))
    }
    return blocks
  }

  /// `num_blocks / blocks_per_request`, vLLM's "Maximum concurrency".
  public func maxConcurrency(numBlocks: Int, maxModelLen: Int) -> Double {
    let need = blocksPerRequest(maxModelLen: maxModelLen)
    return need == 0 ? 0 : Double(numBlocks) / Double(need)
  }

  /// The "KV cache size: N tokens" figure.
  public func capacityTokens(numBlocks: Int, maxModelLen: Int, rule: TokenRule = .concurrencyTimesLength) -> Int {
    switch rule {
    case .blocksPerGroup:
      return numBlocks / max(1, numGroups) * blockSize
    case .concurrencyTimesLength:
      return Int(saturating: maxConcurrency(numBlocks: numBlocks, maxModelLen: maxModelLen) * Double(maxModelLen))
    }
  }
}

/// `a + b`, clamped to `Int`'s range.
func saturatingAdd(_ a: Int, _ b: Int) -> Int {
  let (r, overflow) = a.addingReportingOverflow(b)
  return overflow ? (b > 0 ? .max : .min) : r
}

/// `a × b`, clamped to `Int`'s range.
func saturatingMultiply(_ a: Int, _ b: Int) -> Int {
  let (r, overflow) = a.multipliedReportingOverflow(by: b)
  return overflow ? ((a < 0) == (b < 0) ? .max : .min) : r
}

/// `ceil(a / b)` for non-negative `a` and positive `b`, without overflow near `Int.max`.
func ceilDiv(_ a: Int, _ b: Int) -> Int { a / b + (a % b > 0 ? 1 : 0) }

extension KVCachePlan {
  /// Tokens of context that `requests` equally long requests hold when they occupy `usedBlocks` blocks.
  ///
  /// Each request holds `length / block_size` blocks in every full-attention (and MLA) group, and in every
  /// sliding-window group at most the blocks of its window (`cdiv(window − 1, block_size) + 1`: vLLM frees the
  /// rest). Returns nil when the layout cannot tell (no full-attention group and the blocks exceed the
  /// windows).
  public func residentTokens(usedBlocks: Double, requests: Int) -> Double? {
    guard requests > 0, usedBlocks >= 0 else { return nil }
    let perRequest = usedBlocks / Double(requests)
    // Full groups: groups per token of context; windows: groups per token up to the window's blocks in tokens.
    var full = 0.0
    var windows: [(groups: Double, blockSize: Double, cap: Double)] = []
    for g in kinds {
      let bs = Double(max(1, g.blockSize))
      switch g.kind {
      case .full, .mla: full += Double(g.groups) / bs
      case .slidingWindow(let w): windows.append((Double(g.groups), bs, Double(ceilDiv(w - 1, g.blockSize) + 1) * bs))
      }
    }
    // Blocks per request as a function of its length in tokens x: increasing and piecewise linear.
    func blocks(_ x: Double) -> Double {
      full * x + windows.reduce(0) { $0 + $1.groups * min(x, $1.cap) / $1.blockSize }
    }
    let widest = windows.map(\.cap).max() ?? 0
    if full == 0 && perRequest > blocks(widest) { return nil }
    var low = 0.0
    var high = perRequest * Double(kinds.map(\.blockSize).max() ?? 1) + widest + 1
    for _ in 0..<200 {
      let mid = (low + high) / 2
      if blocks(mid) < perRequest { low = mid } else { high = mid }
    }
    return (low + high) / 2 * Double(requests)
  }
}
