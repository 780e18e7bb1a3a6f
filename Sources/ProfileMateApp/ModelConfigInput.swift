import Foundation
import PerfModel
import ProfileMateCore

/// Reading a Hugging Face `config.json` and checking a parallel layout against it, for `analyze --model`,
/// `perf`, `kv` and `roofline`.
public enum ModelConfigInput {
  /// Reads and parses the config at `path`.
  /// - Throws: ``AppError`` when the file cannot be read, ``ConfigError`` when it is not a usable config (exit 2,
  ///   the file named).
  public static func load(_ path: String) throws -> ModelConfig {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw AppError("\(path): cannot read the file")
    }
    return try ModelConfig(data: data, source: path)
  }

  /// Reads the config at `path` and checks that vLLM accepts `tp` × `pp` for it.
  public static func load(_ path: String, tp: Int, pp: Int) throws -> ModelConfig {
    let model = try load(path)
    try checkParallelLayout(model, tp: tp, pp: pp)
    return model
  }

  /// vLLM's refusal of layouts it cannot shard: query heads split evenly over TP, at least one layer per PP stage.
  /// - Throws: ``AppError`` (exit 2) naming the config and the rule.
  public static func checkParallelLayout(_ model: ModelConfig, tp: Int, pp: Int) throws {
    if model.numAttentionHeads % tp != 0 {
      throw AppError(
        "\(model.source): num_attention_heads (\(model.numAttentionHeads)) must be divisible by the tensor-parallel "
          + "size (\(tp)); vLLM refuses this layout")
    }
    if pp > model.numHiddenLayers {
      throw AppError(
        "\(model.source): the pipeline-parallel size (\(pp)) exceeds num_hidden_layers (\(model.numHiddenLayers)); "
          + "every stage needs at least one layer")
    }
  }

  /// The perf model of the config at `path` deployed as the log says (TP unless `tp` is given, PP, DP with expert
  /// parallelism, dtype, KV-cache dtype, block size), with the KV pool's block count from the log for turning
  /// usage into tokens.
  public static func stepCostModel(config path: String, log: EngineConfig, tp: Int? = nil) throws -> PerfStepCostModel {
    let config = try load(path)
    let ep = log.nonDefaultArgs["enable_expert_parallel"] == "True"
    let deployment = Deployment(
      tensorParallelSize: tp ?? log.tensorParallelSize?.value ?? 1,
      pipelineParallelSize: log.pipelineParallelSize?.value ?? 1,
      dataParallelSize: ep ? log.dataParallelSize?.value ?? 1 : 1, enableExpertParallel: ep,
      dtype: log.dtype?.value ?? "auto", kvCacheDtype: log.kvCacheDtype?.value ?? "auto")
    let plan = try KVCachePlan(
      config: config, deployment: deployment, blockSize: log.blockSize?.value ?? 16,
      maxNumBatchedTokens: log.maxNumBatchedTokens?.value ?? 8192)
    let blocks =
      log.kvCacheBlocks?.value
      ?? log.availableKVCacheGiB.map { plan.numBlocks(availableBytes: Int($0.value * 1_073_741_824)) }
    return try PerfStepCostModel(config: config, deployment: deployment, kvPlan: plan, numBlocks: blocks)
  }
}
