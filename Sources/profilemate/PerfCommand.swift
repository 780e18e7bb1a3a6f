import ArgumentParser
import ProfileMateApp
import Render

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

  @OptionGroup var format: FormatOptions

  func validate() throws {
    _ = try format.resolve(allowed: [.text, .json])
    if requests.isEmpty { throw ValidationError("give at least one --request tokens:context:prefill|decode") }
    for (name, size) in [
      ("--tensor-parallel-size", tensorParallelSize), ("--pipeline-parallel-size", pipelineParallelSize),
      ("--data-parallel-size", dataParallelSize),
    ] where size < 1 || size > 1 << 16 {
      throw ValidationError("\(name) must be between 1 and 65,536")
    }
  }

  func run() async throws {
    var request = PerfRequest(config: config)
    request.tensorParallelSize = tensorParallelSize
    request.pipelineParallelSize = pipelineParallelSize
    request.dataParallelSize = dataParallelSize
    request.enableExpertParallel = enableExpertParallel
    request.dtype = dtype
    request.kvCacheDtype = kvCacheDtype
    request.quantization = quantization
    request.disableSlidingWindow = disableSlidingWindow
    request.requests = requests.map {
      PerfRequest.Step(tokens: $0.tokens, context: $0.context, isPrefill: $0.isPrefill)
    }
    request.wholeModel = wholeModel
    let report = try PerfEvaluation.evaluate(request)
    let isJSON = try format.resolve(allowed: [.text, .json]) == .json
    print(isJSON ? report.json() : PerfReportText.render(report, config: config), terminator: "")
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
