import ArgumentParser
import Foundation
import PerfModel
import ProfileMateCore
import ProfileMateIO

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
      "A vLLM log of a run of this model: its available KV memory is the budget (unless one is given), and its "
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
  /// The largest --max-model-len accepted.
  static let maxLength = 1 << 30
  /// Bytes per GiB.
  static let gib = 1_073_741_824.0

  /// `--max-model-len`: positive integers, at most ``maxLength``, separated by commas.
  static func parseLengths(_ text: String) throws -> [Int] {
    let values = text.split(separator: ",", omittingEmptySubsequences: false).map {
      Int($0.trimmingCharacters(in: .whitespaces))
    }
    guard !values.isEmpty, values.allSatisfy({ ($0 ?? 0) > 0 && ($0 ?? 0) <= maxLength }) else {
      throw ValidationError("--max-model-len: expected integers from 1 to 1,073,741,824 separated by commas")
    }
    return values.compactMap { $0 }
  }

  func run() async throws {
    let model = try loadModelConfig(config)
    try checkParallelLayout(model, tp: tp, pp: pp)
    let deployment = Deployment(
      tensorParallelSize: tp, pipelineParallelSize: pp, dtype: dtype, kvCacheDtype: kvCacheDtype)
    let plan: KVCachePlan
    let weights: WeightEstimate
    do {
      plan = try KVCachePlan(
        config: model, deployment: deployment, blockSize: blockSize, maxNumBatchedTokens: maxNumBatchedTokens)
      weights = try WeightEstimate(config: model, deployment: deployment)
    } catch {
      throw CommandFailure(error.description, exitCode: 2)
    }
    let lengths = try contextLengths(model)
    let gib = Self.gib
    let run = try log.map(readRun)
    let loggedGiB = kvCacheMemoryBytes == nil && availableKvGib == nil ? run?.config.availableKVCacheGiB : nil
    var out = "\(config) — per GPU, tp \(tp), pp \(pp), block \(blockSize)\n\n"
    out += "KV cache layout\n"
    out +=
      "  \(Format.grouped(plan.bytesPerTokenPerLayer)) B per token per layer; page \(Format.grouped(plan.pageBytes)) B\n"
    let kinds = plan.kinds.map { "\($0.layers) \(name($0.kind))" }.joined(separator: " + ")
    out += "  \(plan.layers.count) layers on this GPU: \(kinds); \(plan.numGroups) group(s) of \(plan.groupSize)\n"
    out += "  \(Format.grouped(plan.fullBytesPerToken)) B per token of context in full-attention layers"
    if plan.fullBytesPerToken != plan.bytesPerTokenAllLayers {
      out +=
        " (sliding layers keep at most their window; \(Format.grouped(plan.bytesPerTokenAllLayers)) B if all were full)"
    }
    out += "\n\nMemory per GPU\n"
    out += "  weights (estimate): \(Format.fixed(weights.totalBytes / gib, 2)) GiB "
    out +=
      "(attention \(Format.fixed(weights.attentionBytes / gib, 2)), ffn \(Format.fixed(weights.ffnBytes / gib, 2)), "
    out += "embedding/LM head \(Format.fixed(weights.vocabularyBytes / gib, 2)))\n"
    let available: Int
    if let bytes = kvCacheMemoryBytes {
      available = bytes
      out += "  KV budget: \(Format.grouped(bytes)) B (given)\n"
    } else if let g = availableKvGib {
      available = Int(saturating: g * gib)
      out += "  KV budget: \(g) GiB (given; a logged figure is rounded to 0.01 GiB)\n"
    } else if let g = loggedGiB {
      available = max(0, Int(saturating: g.value * gib))
      out +=
        "  KV budget: \(g.value) GiB (the log's \"Available KV cache memory\", line \(g.line); rounded to 0.01 GiB)\n"
    } else if gpu == nil {
      throw CommandFailure(
        "\(log ?? "the log"): no \"Available KV cache memory\" line; give --gpu or a budget", exitCode: 2)
    } else {
      let spec = GPUCatalog.lookup(gpu ?? "")
      let memory = spec?.memoryBytes ?? 0
      let requested = (memory * gpuMemoryUtilization).rounded(.up)
      let budget = requested - weights.totalBytes - overheadGib * gib
      available = max(0, Int(saturating: budget))
      out += "  \(spec?.name ?? "?"): \(Format.fixed(memory / 1e9, 0)) GB (datasheet) × \(gpuMemoryUtilization)"
      out += " = \(Format.fixed(requested / gib, 2)) GiB requested\n"
      out += "  − weights \(Format.fixed(weights.totalBytes / gib, 2)) GiB − overhead \(overheadGib) GiB (assumed: "
      out += "profile-run activations, CUDA context, NCCL; set --overhead-gib)\n"
      out += "  = KV budget \(Format.fixed(Double(available) / gib, 2)) GiB\n"
    }
    let blocks = plan.numBlocks(availableBytes: available)
    out += "\nCapacity: \(Format.grouped(blocks)) blocks of \(blockSize) tokens "
    out += "(\(Format.grouped(blocks / max(1, plan.numGroups) * blockSize)) tokens of full context)\n\n"
    let rule: KVCachePlan.TokenRule = v020TokenRule ? .blocksPerGroup : .concurrencyTimesLength
    out += "max_model_len   blocks/request   max concurrency   KV cache size (tokens)"
    out += maxNumSeqs == nil ? "\n" : "   with max_num_seqs\n"
    for len in lengths {
      let c = plan.maxConcurrency(numBlocks: blocks, maxModelLen: len)
      var row = pad(Format.grouped(len), 13) + "   " + pad(Format.grouped(plan.blocksPerRequest(maxModelLen: len)), 14)
      row += "   " + pad(String(format: "%.2fx", c), 15) + "   "
      row += pad(Format.grouped(plan.capacityTokens(numBlocks: blocks, maxModelLen: len, rule: rule)), 22)
      if let seqs = maxNumSeqs { row += "   " + String(format: "%.2f", min(c, Double(seqs))) }
      out += row + "\n"
    }
    if blocks == 0 || (lengths.contains { plan.maxConcurrency(numBlocks: blocks, maxModelLen: $0) < 1 }) {
      out +=
        "\nwarning: the KV cache cannot hold one request of the longest max_model_len; vLLM would refuse to start\n"
    }
    if let run { out += observed(run, model: model, plan: plan, blocks: blocks, available: available) }
    print(out, terminator: "")
  }

  private func readRun(_ path: String) throws -> RunModel {
    do {
      return try LogFileReader.read(path: path) { _, _ in }
    } catch let error as InputError {
      throw CommandFailure(error.description, exitCode: error.exitCode)
    }
  }

  /// "Observed traffic closes the loop": the run's peak KV use against the pool, and what would have sufficed.
  private func observed(
    _ run: RunModel, model: ModelConfig, plan: KVCachePlan, blocks: Int, available: Int
  ) -> String {
    let c = run.config
    var out = "\nObserved in \(log ?? "the log")\n"
    if let tokens = c.kvCacheTokens {
      out += "  vLLM: KV cache size \(Format.grouped(tokens.value)) tokens (line \(tokens.line))"
      if let x = c.maxConcurrency, let len = c.maxConcurrencyTokens {
        out += ", \(String(format: "%.2f", x.value))x at \(Format.grouped(len.value)) tokens"
      }
      out += "\n"
    }
    let stats = run.engines.flatMap(\.stats) + run.aggregatedStats
    let stepPeak = run.engines.compactMap { $0.maxStepKVUsagePct?.value }.max()
    guard let peak = (stats.compactMap(\.kvUsagePct) + [stepPeak].compactMap { $0 }).max() else {
      return out + "  no KV-cache usage in the log (stats lines or v0.26+ iteration lines): nothing to compare\n"
    }
    let running = stats.map(\.running).max() ?? 1
    let fit = KVTrafficFit(plan: plan, poolBlocks: blocks, peakUsagePct: peak, peakRunning: running, headroom: headroom)
    let gib = 1_073_741_824.0
    out += "  peak KV usage \(Format.pct(peak)) = \(Format.grouped(fit.peakBlocks)) of \(Format.grouped(blocks)) blocks"
    out += ", with at most \(running) requests running\n"
    if let tokens = fit.peakTokens {
      let resident = Int(saturating: tokens)
      out += "  ≈ \(Format.grouped(resident)) tokens resident at the peak "
      out += "(≈ \(Format.grouped(resident / max(1, running))) per running request; estimate from the KV layout)\n"
    }
    if let t = c.kvCacheTokens {
      out += "  (vLLM's unit: \(Format.pct(peak)) × \(Format.grouped(t.value)) = "
      out += "\(Format.count((Double(t.value) * peak / 100).rounded(.towardZero))) tokens)\n"
    }
    out += "  with \(Format.fixed(headroom * 100, 0))% headroom: \(Format.grouped(fit.neededBlocks)) blocks = "
    out += "\(Format.fixed(Double(fit.neededBytes) / gib, 2)) GiB of KV cache per GPU "
    out += "(the run had \(Format.fixed(Double(available) / gib, 2)) GiB)\n"
    if let spec = gpu.flatMap(GPUCatalog.lookup) {
      let runUtil = c.gpuMemoryUtilization?.value ?? gpuMemoryUtilization
      let u = fit.utilization(
        memoryBytes: spec.memoryBytes, runUtilization: runUtil, availableBytes: Double(available))
      out += "  gpu_memory_utilization \(String(format: "%.2f", u)) would have sufficed on \(spec.name) "
      out += "(the run: \(runUtil)\(c.gpuMemoryUtilization == nil ? ", assumed" : ""); non-KV memory kept as logged)\n"
    } else {
      out += "  give --gpu NAME for the gpu_memory_utilization that would have sufficed\n"
    }
    let cap = model.maxPositionEmbeddings ?? Int.max
    let capNote = fit.maxModelLenOneRequest > cap ? " (capped by max_position_embeddings)" : ""
    out += "  max_model_len with that pool: up to \(Format.grouped(min(cap, fit.maxModelLenOneRequest)))\(capNote) "
    out += "for vLLM to start (one request must fit); up to "
    out += "\(Format.grouped(min(cap, fit.maxModelLenAtPeakConcurrency))) to keep \(running) requests of full length "
    out += "resident at once\n"
    if let len = c.maxModelLen?.value {
      out += "  (the run: max_model_len \(Format.grouped(len)); V1 pages the cache, so max_model_len only bounds one "
      out += "request and is worth lowering only if no request needs it)\n"
    }
    return out
  }

  private func contextLengths(_ model: ModelConfig) throws -> [Int] {
    guard let text = maxModelLen else {
      guard let m = model.maxPositionEmbeddings else {
        throw CommandFailure("\(config): no max_position_embeddings; give --max-model-len", exitCode: 2)
      }
      guard m > 0 && m <= Self.maxLength else {
        throw CommandFailure(
          "\(config): max_position_embeddings \(m) is not between 1 and 1,073,741,824; give --max-model-len",
          exitCode: 2)
      }
      return [m]
    }
    do {
      return try Self.parseLengths(text)
    } catch {
      throw CommandFailure("\(error)", exitCode: 2)
    }
  }

  private func name(_ kind: KVCachePlan.LayerKind) -> String {
    switch kind {
    case .full: return "full-attention"
    case .slidingWindow(let w): return "sliding-window (\(w))"
    case .mla: return "MLA"
    }
  }

  private func pad(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
}
