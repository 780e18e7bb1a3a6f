import ArgumentParser
import Foundation
import PerfModel
import ProfileMateCore

/// `profilemate perf CONFIG`: vLLM's analytic FLOPs and bytes (perf.py, v0.33) for one engine step.
struct PerfCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "perf",
    abstract: "FLOPs and memory bytes of one engine step, exactly as vLLM's --enable-mfu-metrics computes them.",
    discussion: """
      Reads a Hugging Face config.json and evaluates vLLM 0.33's perf.py model (attn or mla_attn, ffn, unembed) \
      for the requests of one step, per GPU (what vLLM reports) or --whole-model. Components vLLM silently skips \
      (e.g. an unknown quantization name) are computed anyway and marked; "vllm_totals" is what vLLM would \
      report, "totals" includes the corrected components. JSON schema: docs/perf-model.md.
      """
  )

  @Argument(help: ArgumentHelp("The model's Hugging Face config.json.", valueName: "config"))
  var config: String

  @Option(help: "Tensor-parallel size.")
  var tensorParallelSize = 1

  @Option(help: "Pipeline-parallel size.")
  var pipelineParallelSize = 1

  @Option(help: "Data-parallel size.")
  var dataParallelSize = 1

  @Flag(help: "Expert parallelism (MoE experts split over data × tensor ranks).")
  var enableExpertParallel = false

  @Option(help: "Model dtype: auto, bfloat16, float16, float32.")
  var dtype = "auto"

  @Option(help: "KV-cache dtype: auto or fp8 (fp8_e4m3, fp8_e5m2).")
  var kvCacheDtype = "auto"

  @Option(help: "Quantization method, overriding the config's quantization_config.")
  var quantization: String?

  @Flag(help: "Treat sliding-window layers as full attention (vLLM's --disable-sliding-window).")
  var disableSlidingWindow = false

  @Option(
    name: .customLong("request"),
    help: ArgumentHelp(
      "One request of the step: new tokens, context length after the step, and prefill or decode. Repeatable.",
      valueName: "tokens:context:prefill|decode"))
  var requests: [StepRequest] = []

  @Flag(help: "Whole-model figures instead of one GPU's share.")
  var wholeModel = false

  @Flag(help: "Write JSON (docs/perf-model.md) instead of text.")
  var json = false

  func validate() throws {
    if requests.isEmpty { throw ValidationError("give at least one --request tokens:context:prefill|decode") }
    for (name, size) in [
      ("--tensor-parallel-size", tensorParallelSize), ("--pipeline-parallel-size", pipelineParallelSize),
      ("--data-parallel-size", dataParallelSize),
    ] where size < 1 || size > 1 << 16 {
      throw ValidationError("\(name) must be between 1 and 65,536")
    }
  }

  func run() async throws {
    let modelConfig = try loadModelConfig(config)
    try checkParallelLayout(modelConfig, tp: tensorParallelSize, pp: pipelineParallelSize)
    let deployment = Deployment(
      tensorParallelSize: tensorParallelSize, pipelineParallelSize: pipelineParallelSize,
      dataParallelSize: dataParallelSize, enableExpertParallel: enableExpertParallel, dtype: dtype,
      kvCacheDtype: kvCacheDtype, quantization: quantization, disableSlidingWindow: disableSlidingWindow)
    let report: PerfReport
    do {
      let metrics = try ModelMetrics(config: modelConfig, deployment: deployment)
      var ctx = ExecutionContext()
      for r in requests { ctx.add(numTokens: r.tokens, contextLength: r.context, isPrefill: r.isPrefill) }
      report = try metrics.evaluate(ctx, perGPU: !wholeModel)
    } catch let error as ConfigError {
      throw CommandFailure(error.description, exitCode: 2)
    } catch let error as PerfModelError {
      throw CommandFailure(error.description, exitCode: 2)
    }
    print(json ? report.json() : text(report), terminator: "")
  }

  private func text(_ r: PerfReport) -> String {
    var out = "\(config) — \(r.perGPU ? "per GPU" : "whole model"), \(r.context.requests.count) request(s), "
    out += "\(r.context.totalNumTokens) tokens\n"
    for row in r.rows {
      let mark = row.vllmSkipReason == nil ? "" : "  [skipped by vLLM: \(row.vllmSkipReason ?? "")]"
      out += "\n\(row.component)\(mark)\n"
      for (title, terms) in [
        ("flops", row.breakdown.flops), ("read_bytes", row.breakdown.readBytes),
        ("write_bytes", row.breakdown.writeBytes),
      ] {
        for t in terms {
          out += "  " + pad("\(title).\(t.key)", 36) + pad(Format.grouped(t.value), 26, right: true) + "\n"
        }
      }
      if let c = row.correction { out += "  correction: \(c)\n" }
    }
    for o in r.omitted { out += "\n\(o.name): omitted — \(o.reason)\n" }
    let t = r.totals
    let v = r.vllmTotals
    out += "\ntotals        flops \(Format.grouped(t.flops))  read \(Format.grouped(t.readBytes)) B"
    out += "  write \(Format.grouped(t.writeBytes)) B\n"
    if t != v {
      out += "vLLM reports  flops \(Format.grouped(v.flops))  read \(Format.grouped(v.readBytes)) B"
      out += "  write \(Format.grouped(v.writeBytes)) B  (skipped components not billed)\n"
    }
    return out
  }

  private func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - s.count))
    return right ? fill + s : s + fill
  }
}

/// One `--request tokens:context:prefill|decode`.
struct StepRequest: ExpressibleByArgument {
  let tokens: Int
  let context: Int
  let isPrefill: Bool

  init?(argument: String) {
    let parts = argument.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 3, let t = Int(parts[0]), let c = Int(parts[1]), t >= 1, c >= t, c <= 100_000_000
    else { return nil }
    switch parts[2].lowercased() {
    case "prefill", "p": isPrefill = true
    case "decode", "d": isPrefill = false
    default: return nil
    }
    tokens = t
    context = c
  }
}

/// vLLM's refusal of layouts it cannot shard: query heads split evenly over TP, at least one layer per PP stage.
func checkParallelLayout(_ model: ModelConfig, tp: Int, pp: Int) throws {
  if model.numAttentionHeads % tp != 0 {
    throw CommandFailure(
      "\(model.source): num_attention_heads (\(model.numAttentionHeads)) must be divisible by the tensor-parallel "
        + "size (\(tp)); vLLM refuses this layout", exitCode: 2)
  }
  if pp > model.numHiddenLayers {
    throw CommandFailure(
      "\(model.source): the pipeline-parallel size (\(pp)) exceeds num_hidden_layers (\(model.numHiddenLayers)); "
        + "every stage needs at least one layer", exitCode: 2)
  }
}

/// Reads and parses a config file, mapping failures to exit code 2 with the file named.
func loadModelConfig(_ path: String) throws -> ModelConfig {
  let data: Data
  do {
    data = try Data(contentsOf: URL(fileURLWithPath: path))
  } catch {
    throw CommandFailure("\(path): cannot read the file", exitCode: 2)
  }
  do {
    return try ModelConfig(data: data, source: path)
  } catch {
    throw CommandFailure(error.description, exitCode: 2)
  }
}
