import ArgumentParser
import ProfileMateApp
import ProfileMateCore
import Render

/// `profilemate roofline CONFIG --gpu NAME`: the best a GPU allows for decode (or prefill) steps of a model.
struct RooflineCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "roofline",
    abstract: "The roofline of a model on a GPU: bounds on step time and tokens/s over batch sizes and contexts.",
    discussion: """
      Each step's FLOPs and bytes are vLLM 0.33's perf.py figures for one GPU (corrected where vLLM skips a \
      component); the peaks are the GPU's datasheet figures (`profilemate gpus`). Decode by default: BATCH \
      requests of one token each, attending to CONTEXT tokens. With --prefill N: BATCH requests of N new tokens \
      after CONTEXT cached ones. Bounds ignore communication, sampling and CPU time: real steps are slower.
      """
  )

  @Argument(help: ArgumentHelp("The model's Hugging Face config.json.", valueName: "config"))
  var config: String

  @Option(help: ArgumentHelp("The GPU (see `profilemate gpus`).", valueName: "name"))
  var gpu: String

  @Option(name: [.customLong("tp"), .customLong("tensor-parallel-size")], help: "Tensor-parallel size.")
  var tp = 1

  @Option(name: [.customLong("pp"), .customLong("pipeline-parallel-size")], help: "Pipeline-parallel size.")
  var pp = 1

  @Option(help: "Model dtype: auto, bfloat16, float16, float32.")
  var dtype = "auto"

  @Option(help: "KV-cache dtype: auto or fp8.")
  var kvCacheDtype = "auto"

  @Option(help: "Quantization method, overriding the config's quantization_config.")
  var quantization: String?

  @Option(help: ArgumentHelp("Largest batch (requests per step); the table doubles from 1 up to it.", valueName: "n"))
  var batch = 256

  @Option(
    help: ArgumentHelp(
      "Context lengths, comma-separated: tokens each decode request attends to, or cached tokens before a prefill "
        + "(default 8192 for decode, 0 for prefill).", valueName: "n,n,…"))
  var context: String?

  @Option(help: ArgumentHelp("Prefill steps of this many new tokens per request instead of decode.", valueName: "n"))
  var prefill: Int?

  @OptionGroup var format: FormatOptions

  func validate() throws {
    _ = try format.resolve(allowed: [.text, .json])
    if GPUCatalog.lookup(gpu) == nil {
      throw ValidationError("unknown GPU '\(gpu)'; `profilemate gpus` lists the known ones.")
    }
    if tp < 1 || pp < 1 || tp > 1 << 16 || pp > 1 << 16 {
      throw ValidationError("--tp and --pp must be between 1 and 65,536")
    }
    if batch < 1 || batch > 65_536 { throw ValidationError("--batch must be between 1 and 65,536") }
    if let prefill, prefill < 1 || prefill > 1_048_576 {
      throw ValidationError("--prefill must be between 1 and 1,048,576 tokens")
    }
  }

  func run() async throws {
    var request = RooflineRequest(config: config, gpu: gpu)
    request.tp = tp
    request.pp = pp
    request.dtype = dtype
    request.kvCacheDtype = kvCacheDtype
    request.quantization = quantization
    request.batch = batch
    request.context = context
    request.prefill = prefill
    let table = try RooflineBuilder.table(request)
    let isJSON = try format.resolve(allowed: [.text, .json]) == .json
    print(isJSON ? RooflineReport.json(table) : RooflineReport.text(table), terminator: "")
  }
}
