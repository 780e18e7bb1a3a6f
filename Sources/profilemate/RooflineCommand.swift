import ArgumentParser
import Foundation
import PerfModel
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

  @Flag(help: "Write JSON (docs/perf-model.md) instead of text.")
  var json = false

  func validate() throws {
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

  /// One cell of the table.
  private struct Row {
    let batch: Int
    let context: Int
    let point: RooflinePoint
  }

  func run() async throws {
    let model = try loadModelConfig(config)
    try checkParallelLayout(model, tp: tp, pp: pp)
    guard let spec = GPUCatalog.lookup(gpu) else { throw CommandFailure("unknown GPU '\(gpu)'", exitCode: 2) }
    let contexts = try contextLengths()
    let deployment = Deployment(
      tensorParallelSize: tp, pipelineParallelSize: pp, dtype: dtype, kvCacheDtype: kvCacheDtype,
      quantization: quantization)
    let planner: RooflinePlanner
    do {
      planner = try RooflinePlanner(config: model, deployment: deployment, gpu: spec)
    } catch {
      throw CommandFailure(error.description, exitCode: 2)
    }
    var batches: [Int] = []
    var b = 1
    while b < batch {
      batches.append(b)
      b *= 2
    }
    batches.append(batch)
    var rows: [Row] = []
    var crossovers: [(context: Int, batch: Int?)] = []
    do {
      for c in contexts {
        for b in batches {
          let point: RooflinePoint
          if let n = prefill {
            point = try planner.prefill(batch: b, tokens: n, cached: c)
          } else {
            point = try planner.decode(batch: b, context: c)
          }
          rows.append(Row(batch: b, context: c, point: point))
        }
        if prefill == nil { crossovers.append((c, try planner.crossoverBatch(context: c))) }
      }
    } catch {
      throw CommandFailure(error.description, exitCode: 2)
    }
    print(json ? jsonText(planner, rows, crossovers) : text(planner, rows, crossovers), terminator: "")
  }

  private func contextLengths() throws -> [Int] {
    guard let text = context else { return [prefill == nil ? 8192 : 0] }
    let values = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
    let minimum = prefill == nil ? 1 : 0
    guard !values.isEmpty, values.allSatisfy({ ($0 ?? -1) >= minimum && ($0 ?? 0) <= 10_000_000 }) else {
      throw CommandFailure(
        "--context: expected integers of at least \(minimum) (at most 10,000,000) separated by commas", exitCode: 2)
    }
    return values.compactMap { $0 }
  }

  private func text(_ p: RooflinePlanner, _ rows: [Row], _ crossovers: [(context: Int, batch: Int?)]) -> String {
    let g = p.gpu
    var out = "\(config) on \(g.name), tp \(tp), pp \(pp) — per GPU, "
    out += prefill.map { "prefill of \(Format.grouped($0)) tokens per request" } ?? "decode, one token per request"
    out +=
      "\n  \(Format.auto(p.peakFLOPS / 1e12)) TFLOP/s (\(p.computeDtype)), \(Format.auto(g.memoryBandwidth / 1e9)) GB/s"
    out += " → ridge point \(Format.fixed(p.peakFLOPS / g.memoryBandwidth, 1)) FLOP/byte\n\n"
    let header = [
      "batch", prefill == nil ? "context" : "cached", "GFLOP", "GB", "FLOP/byte", "compute ms", "memory ms", "bound",
      "step ms", "tokens/s",
    ]
    var table = [header]
    for r in rows {
      let q = r.point
      table.append([
        Format.grouped(r.batch), Format.grouped(r.context), Format.fixed(q.flops / 1e9, 1),
        Format.fixed(q.bytes / 1e9, 3), Format.fixed(q.arithmeticIntensity, 1), Format.fixed(q.computeSeconds * 1e3, 3),
        Format.fixed(q.memorySeconds * 1e3, 3), q.bound.rawValue, Format.fixed(q.attainableSeconds * 1e3, 3),
        Format.grouped(Int(saturating: q.tokensPerSecond ?? 0)),
      ])
    }
    let widths = (0..<header.count).map { i in table.map { $0[i].count }.max() ?? 0 }
    for line in table {
      out += "  " + line.enumerated().map { pad($0.element, widths[$0.offset]) }.joined(separator: "  ") + "\n"
    }
    out += "\n"
    if prefill == nil {
      for c in crossovers {
        let best = rows.filter { $0.context == c.context }.compactMap(\.point.tokensPerSecond).max() ?? 0
        out += "context \(Format.grouped(c.context)): decode "
        out +=
          c.batch.map { "turns compute-bound at batch \(Format.grouped($0))" }
          ?? "stays memory-bound up to batch 65,536 (KV reads grow with the batch)"
        out += "; decode ≤ \(Format.grouped(Int(saturating: best))) tokens/s up to batch \(Format.grouped(batch))\n"
      }
    } else {
      out += "A step of this shape takes at least the step time above: a lower bound on time to first token.\n"
    }
    out += "Bounds from datasheet peaks; communication, sampling and CPU time are not counted.\n"
    return out
  }

  private func jsonText(_ p: RooflinePlanner, _ rows: [Row], _ crossovers: [(context: Int, batch: Int?)]) -> String {
    var w = JSONWriter()
    w.beginObject()
    w.string("config", config)
    w.beginObject("gpu")
    w.string("name", p.gpu.name)
    w.double("peak_flops", p.peakFLOPS)
    w.string("compute_dtype", p.computeDtype)
    w.double("bandwidth_bytes_per_s", p.gpu.memoryBandwidth)
    w.double("ridge_flop_per_byte", p.peakFLOPS / p.gpu.memoryBandwidth)
    w.endObject()
    w.int("tensor_parallel_size", tp)
    w.int("pipeline_parallel_size", pp)
    w.string("mode", prefill == nil ? "decode" : "prefill")
    w.int("prefill_tokens", prefill)
    w.beginArray("rows")
    for r in rows {
      let q = r.point
      w.beginObject()
      w.int("batch", r.batch)
      w.int(prefill == nil ? "context" : "cached", r.context)
      w.int("tokens", q.tokens)
      w.double("flops", q.flops)
      w.double("bytes", q.bytes)
      w.double("arithmetic_intensity", q.arithmeticIntensity)
      w.double("compute_s", q.computeSeconds)
      w.double("memory_s", q.memorySeconds)
      w.string("bound", q.bound.rawValue)
      w.double("attainable_s", q.attainableSeconds)
      w.double("tokens_per_s", q.tokensPerSecond)
      w.endObject()
    }
    w.endArray()
    if prefill == nil {
      w.beginArray("crossover")
      for c in crossovers {
        w.beginObject()
        w.int("context", c.context)
        w.int("batch", c.batch)
        w.double(
          "max_decode_tokens_per_s",
          rows.filter { $0.context == c.context }.compactMap(\.point.tokensPerSecond).max())
        w.endObject()
      }
      w.endArray()
    }
    w.endObject()
    return w.text + "\n"
  }

  private func pad(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
}
