import Foundation
import PerfModel
import ProfileMateCore
import Render

/// Builds `profilemate roofline`'s table from the perf model: every batch (doubling up to the largest) at every
/// context, and for decode where it turns compute-bound.
public enum RooflineBuilder {
  /// The table of `request`.
  /// - Throws: ``AppError``, ``ConfigError`` or ``PerfModelError`` (all exit 2).
  public static func table(_ request: RooflineRequest) throws -> RooflineTable {
    let r = request
    let model = try ModelConfigInput.load(r.config, tp: r.tp, pp: r.pp)
    guard let spec = GPUCatalog.lookup(r.gpu) else { throw AppError("unknown GPU '\(r.gpu)'") }
    let contexts = try contextLengths(r)
    let deployment = Deployment(
      tensorParallelSize: r.tp, pipelineParallelSize: r.pp, dtype: r.dtype, kvCacheDtype: r.kvCacheDtype,
      quantization: r.quantization)
    let planner = try RooflinePlanner(config: model, deployment: deployment, gpu: spec)
    var batches: [Int] = []
    var b = 1
    while b < r.batch {
      batches.append(b)
      b *= 2
    }
    batches.append(r.batch)
    var rows: [RooflineTable.Row] = []
    var crossovers: [RooflineTable.Crossover] = []
    for c in contexts {
      for b in batches {
        let point =
          try r.prefill.map { try planner.prefill(batch: b, tokens: $0, cached: c) }
          ?? planner.decode(batch: b, context: c)
        rows.append(RooflineTable.Row(batch: b, context: c, point: point))
      }
      if r.prefill == nil { crossovers.append(.init(context: c, batch: try planner.crossoverBatch(context: c))) }
    }
    return RooflineTable(
      config: r.config, gpu: spec, peakFLOPS: planner.peakFLOPS, computeDtype: planner.computeDtype, tp: r.tp,
      pp: r.pp, prefill: r.prefill, maxBatch: r.batch, rows: rows, crossovers: crossovers)
  }

  /// `--context`: integers of at least 1 (decode) or 0 (prefill), at most 10,000,000, separated by commas.
  static func contextLengths(_ r: RooflineRequest) throws -> [Int] {
    guard let text = r.context else { return [r.prefill == nil ? 8192 : 0] }
    let values = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
    let minimum = r.prefill == nil ? 1 : 0
    guard !values.isEmpty, values.allSatisfy({ ($0 ?? -1) >= minimum && ($0 ?? 0) <= 10_000_000 }) else {
      throw AppError("--context: expected integers of at least \(minimum) (at most 10,000,000) separated by commas")
    }
    return values.compactMap { $0 }
  }
}
