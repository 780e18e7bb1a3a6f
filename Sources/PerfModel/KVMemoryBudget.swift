/// vLLM's KV-cache budget on one GPU, estimated from the model, the device's memory and the scheduler limits:
/// what `gpu_worker.determine_available_memory` measures, modelled.
///
/// vLLM (V1) computes `available = total × gpu_memory_utilization − (weights + activation peak + non-torch
/// increase)` (≥ v0.21 also less the CUDA-graph estimate, ``cudaGraphBytes``). The activation peak is what its
/// profile run allocates: one forward pass of `max_num_batched_tokens` dummy tokens, then the sampler on
/// `min(max_num_seqs, max_num_batched_tokens)` rows of logits. Modelled here (one GPU's share, activation dtype):
///
/// - forward: the MLP stage holds the residual and normed input (2·T·D), the gate/up output (2·T·I/tp) and the
///   activation output (T·I/tp); an MoE stage holds fused-MoE workspaces of `T·top_k·max(2N, D)` and
///   `T·top_k·N` (`N` = expert width per rank) plus its `T·top_k·D` output; attention holds QKV and its output;
///   the peak is the largest stage, with the dense MLP and MoE blocks of one layer (Gemma 4) summed;
/// - sampler: `R × V` logits in the model dtype, their float32 copy and the float32 probabilities
///   (`R·V·(a + 8)` bytes), on top of the `T·D` hidden states kept from the forward pass;
/// - the peak is the larger of the two (they do not overlap).
///
/// Non-torch memory (CUDA context, cuBLAS workspaces, NCCL buffers with TP > 1) is not derivable from the model:
/// ``nonTorchBytes`` defaults to 0.15 GiB, plus 0.15 GiB with tensor parallelism — an assumption, printed as one.
public struct KVMemoryBudget: Sendable, Hashable {
  /// The device total vLLM sees (bytes).
  public var deviceMemoryBytes: Double
  /// `--gpu-memory-utilization`.
  public var gpuMemoryUtilization: Double
  /// Estimated weights on this GPU.
  public var weightsBytes: Double
  /// Estimated forward-pass activation peak of the profile run.
  public var forwardPeakBytes: Double
  /// Estimated sampler peak of the profile run (including the hidden states it starts from).
  public var samplerPeakBytes: Double
  /// Assumed non-torch memory.
  public var nonTorchBytes: Double
  /// CUDA-graph memory vLLM ≥ 0.21 subtracts (its own profiling; 0 unless given).
  public var cudaGraphBytes: Double

  /// `total × gpu_memory_utilization`.
  public var requestedBytes: Double { deviceMemoryBytes * gpuMemoryUtilization }
  /// The profile run's activation peak.
  public var activationPeakBytes: Double { max(forwardPeakBytes, samplerPeakBytes) }
  /// Everything that is not KV cache.
  public var nonKVBytes: Double { weightsBytes + activationPeakBytes + nonTorchBytes + cudaGraphBytes }
  /// The KV-cache budget (never negative).
  public var availableBytes: Double { max(0, requestedBytes - nonKVBytes) }

  /// The default non-torch assumption: 0.15 GiB, plus 0.15 GiB with tensor parallelism.
  public static func defaultNonTorchBytes(tensorParallelSize: Int) -> Double {
    (tensorParallelSize > 1 ? 0.30 : 0.15) * 1_073_741_824
  }

  /// Estimates the budget.
  /// - Parameters:
  ///   - config: the model.
  ///   - deployment: TP/PP/DP, dtype, quantization.
  ///   - deviceMemoryBytes: the device total as the driver reports it (`GPUSpec.deviceMemoryBytes`).
  ///   - gpuMemoryUtilization: `--gpu-memory-utilization`.
  ///   - maxNumBatchedTokens: the profile run's token count.
  ///   - maxNumSeqs: `--max-num-seqs` (the sampler's rows, capped by the token count).
  ///   - nonTorchBytes: overrides the non-torch assumption.
  ///   - cudaGraphBytes: CUDA-graph memory to subtract (vLLM ≥ 0.21 with graphs on).
  /// - Throws: ``ConfigError`` for an unknown dtype or quantization.
  public init(
    config: ModelConfig, deployment: Deployment, deviceMemoryBytes: Double, gpuMemoryUtilization: Double,
    maxNumBatchedTokens: Int, maxNumSeqs: Int, nonTorchBytes: Double? = nil, cudaGraphBytes: Double = 0
  ) throws(ConfigError) {
    guard let dtype = DType.resolve(deployment.dtype, configDtype: config.configDtype),
      let a = DType.byteSize(dtype).map(Double.init)
    else { throw ConfigError(source: config.source, problem: "unknown --dtype '\(deployment.dtype)'") }
    self.deviceMemoryBytes = deviceMemoryBytes
    self.gpuMemoryUtilization = gpuMemoryUtilization
    weightsBytes = try WeightEstimate(config: config, deployment: deployment).totalBytes
    let tp = Double(max(1, deployment.tensorParallelSize))
    let ranks = tp * Double(max(1, deployment.dataParallelSize))
    let t = Double(max(1, maxNumBatchedTokens))
    let d = Double(config.hiddenSize)

    let dense = config.numMoELayers < config.numHiddenLayers || config.denseMLPBesideMoE
    let denseMLP = dense ? t * 3 * Double(config.intermediateSize) / tp : 0
    var moe = 0.0
    if config.numExperts > 0 {
      let n = Double(config.moeIntermediateSize) / (deployment.enableExpertParallel ? 1 : ranks)
      let k = Double(max(1, config.numExpertsPerTok))
      moe = t * k * (max(2 * n, d) + n + d)
    }
    let heads = Double(max(1, config.numAttentionHeads / max(1, deployment.tensorParallelSize)))
    let kvHeads = Double(max(1, config.wholeModelKeyValueHeads / max(1, deployment.tensorParallelSize)))
    let attention = t * (heads + 2 * kvHeads + heads) * Double(config.wholeModelHeadDim)
    forwardPeakBytes = (2 * t * d + max(denseMLP + moe, attention)) * a

    let rows = Double(min(max(1, maxNumSeqs), max(1, maxNumBatchedTokens)))
    samplerPeakBytes = rows * Double(config.vocabSize) * (a + 8) + t * d * a
    self.nonTorchBytes = nonTorchBytes ?? Self.defaultNonTorchBytes(tensorParallelSize: deployment.tensorParallelSize)
    self.cudaGraphBytes = cudaGraphBytes
  }
}
