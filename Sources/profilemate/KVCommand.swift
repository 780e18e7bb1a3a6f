import ArgumentParser
import Foundation
import ProfileMateApp
import ProfileMateCore
import Render

/// `profilemate kv CONFIG --gpu NAME`: how many tokens and concurrent requests vLLM's KV cache will hold.
struct KVCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kv",
    abstract: "Plan the KV cache: bytes per token, weights and KV budget per GPU, capacity and concurrency.",
    discussion: """
      Follows vLLM's sizing (page = block × KV heads per rank × (K+V head size) × dtype bytes; MLA keeps one \
      latent; sliding-window layers form their own groups in hybrid models). The budget is \
      memory × utilisation − weights (estimated) − an assumed overhead; give --kv-cache-memory-bytes or \
      --available-kv-gib (the "Available KV cache memory" of a vLLM log) to use a known budget instead.
      """
  )

  @Argument(help: ArgumentHelp("The model's Hugging Face config.json.", valueName: "config"))
  var config: String

  @Option(help: ArgumentHelp("The GPU (see `profilemate gpus`).", valueName: "name"))
  var gpu: String?

  @Option(name: [.customLong("tp"), .customLong("tensor-parallel-size")], help: "Tensor-parallel size.")
  var tp = 1

  @Option(name: [.customLong("pp"), .customLong("pipeline-parallel-size")], help: "Pipeline-parallel size.")
  var pp = 1

  @Option(help: "Fraction of GPU memory vLLM may use (its default: 0.9 up to v0.19, 0.92 from v0.20).")
  var gpuMemoryUtilization = 0.9

  @Option(help: "Model dtype: auto, bfloat16, float16, float32.")
  var dtype = "auto"

  @Option(help: "KV-cache dtype: auto or fp8.")
  var kvCacheDtype = "auto"

  @Option(help: "Tokens per KV block.")
  var blockSize = 16

  @Option(
    help: ArgumentHelp(
      "Context lengths to evaluate, comma-separated (default: the config's max_position_embeddings).",
      valueName: "n,n,…"))
  var maxModelLen: String?

  @Option(help: "Cap on concurrent requests (vLLM's --max-num-seqs), shown beside the KV concurrency.")
  var maxNumSeqs: Int?

  @Option(help: "Scheduler token budget per step (bounds sliding-window blocks).")
  var maxNumBatchedTokens = 8192

  @Option(help: "Assumed non-weight, non-KV memory per GPU in GiB (profile-run activations, CUDA context, NCCL).")
  var overheadGib = 2.0

  @Option(help: "Known KV budget per GPU in bytes (vLLM's --kv-cache-memory-bytes).")
  var kvCacheMemoryBytes: Int?

  @Option(help: "Known KV budget per GPU in GiB, e.g. a log's \"Available KV cache memory: 100.66 GiB\".")
  var availableKvGib: Double?

  @Flag(help: "Print the token capacity as vLLM up to v0.20 did (num_blocks // groups × block_size).")
  var v020TokenRule = false

  @Option(
    help: ArgumentHelp(
      "A vLLM log (or run directory) of a run of this model: its available KV memory is the budget (unless one is given), and its "
        + "peak KV usage is compared with what would have sufficed.", valueName: "log"))
  var log: String?

  @Option(help: "Headroom added to the observed peak when sizing from a --log (0.2 = 20 %).")
  var headroom = 0.2

  func validate() throws {
    if gpu == nil && kvCacheMemoryBytes == nil && availableKvGib == nil && log == nil {
      throw ValidationError(
        "give --gpu NAME, a known budget with --kv-cache-memory-bytes / --available-kv-gib, or a --log")
    }
    if !(headroom >= 0 && headroom <= 10) { throw ValidationError("--headroom must be between 0 and 10") }
    if let gpu, GPUCatalog.lookup(gpu) == nil {
      throw ValidationError("unknown GPU '\(gpu)'; `profilemate gpus` lists the known ones.")
    }
    if tp < 1 || pp < 1 || blockSize < 1 || maxNumBatchedTokens < 1 {
      throw ValidationError("--tp, --pp, --block-size and --max-num-batched-tokens must be at least 1")
    }
    if tp > 1 << 16 || pp > 1 << 16 { throw ValidationError("--tp and --pp must be at most 65,536") }
    if !(gpuMemoryUtilization > 0 && gpuMemoryUtilization <= 1) {
      throw ValidationError("--gpu-memory-utilization must be in (0, 1]")
    }
    if blockSize > 1 << 16 { throw ValidationError("--block-size must be at most 65,536 tokens") }
    if maxNumBatchedTokens > 1 << 30 {
      throw ValidationError("--max-num-batched-tokens must be at most 1,073,741,824")
    }
    if let maxNumSeqs, maxNumSeqs < 1 { throw ValidationError("--max-num-seqs must be at least 1") }
    // NaN fails every comparison, so each range check below also rejects it.
    if !(overheadGib >= 0 && overheadGib <= Self.maxGiB) {
      throw ValidationError("--overhead-gib must be a number of GiB between 0 and 1,000,000")
    }
    if let g = availableKvGib, !(g >= 0 && g <= Self.maxGiB) {
      throw ValidationError("--available-kv-gib must be a number of GiB between 0 and 1,000,000")
    }
    if let bytes = kvCacheMemoryBytes, bytes < 0 || Double(bytes) > Self.maxGiB * Self.gib {
      throw ValidationError("--kv-cache-memory-bytes must be between 0 and 1,000,000 GiB")
    }
    if let text = maxModelLen { _ = try Self.parseLengths(text) }
  }

  /// The largest memory figure accepted, in GiB.
  static let maxGiB = 1e6
  /// Bytes per GiB.
  static let gib = 1_073_741_824.0

  /// `--max-model-len`: positive integers, at most 1,073,741,824, separated by commas.
  static func parseLengths(_ text: String) throws -> [Int] {
    let values = text.split(separator: ",", omittingEmptySubsequences: false).map {
      Int($0.trimmingCharacters(in: .whitespaces))
    }
    guard !values.isEmpty, values.allSatisfy({ ($0 ?? 0) > 0 && ($0 ?? 0) <= KVPlanRequest.maxLength }) else {
      throw ValidationError("--max-model-len: expected integers from 1 to 1,073,741,824 separated by commas")
    }
    return values.compactMap { $0 }
  }

  func run() async throws {
    var request = KVPlanRequest(config: config)
    request.gpu = gpu
    request.tp = tp
    request.pp = pp
    request.gpuMemoryUtilization = gpuMemoryUtilization
    request.dtype = dtype
    request.kvCacheDtype = kvCacheDtype
    request.blockSize = blockSize
    request.maxModelLens = try maxModelLen.map(Self.parseLengths)
    request.maxNumSeqs = maxNumSeqs
    request.maxNumBatchedTokens = maxNumBatchedTokens
    request.overheadGiB = overheadGib
    request.kvCacheMemoryBytes = kvCacheMemoryBytes
    request.availableKVGiB = availableKvGib
    request.v020TokenRule = v020TokenRule
    request.log = log
    request.headroom = headroom
    print(KVPlanText.render(try KVBudget.plan(request)), terminator: "")
  }
}
