import ProfileMateCore

extension CSVExport {
  /// `roofline.csv` (with `analyze --model CONFIG --gpu NAME`): one row per evaluated step — its shape, the
  /// estimated attended context and where it came from, FLOPs and bytes, the compute and memory bounds,
  /// the attainable and measured times, and the classification (docs/perf-model.md).
  public static func rooflineFile(
    _ m: RunModel, gpu: GPUSpec, costModel: any StepCostModel, overheadFactor: Double = 4
  ) -> (name: String, contents: String) {
    roofline(m, gpu: gpu, costModel: costModel, overheadFactor: overheadFactor).file
  }

  /// `roofline.csv` and the ``RooflineAnalysis`` of the same steps, from one evaluation of every step (give
  /// the analysis to ``AnalysisOptions/evaluatedRoofline`` so the report does not evaluate them again).
  public static func roofline(
    _ m: RunModel, gpu: GPUSpec, costModel: any StepCostModel, overheadFactor: Double = 4
  ) -> (file: (name: String, contents: String), analysis: RooflineAnalysis?) {
    var out =
      "engine,step,kind,prefill_requests,prefill_tokens,prefill_context,decode_requests,decode_tokens,"
      + "decode_context,context_source,flops,bytes,compute_ms,memory_ms,bound,attainable_ms,measured_ms,"
      + "attainable_pct_of_measured,classification\n"
    let analysis = RooflineAnalysis.analyze(m, gpu: gpu, costModel: costModel, overheadFactor: overheadFactor) { s in
      let p = s.point
      let cells: [String] = [
        String(s.engine), String(s.index), s.kind.rawValue, String(s.shape.prefillRequests),
        String(s.shape.prefillTokens), String(s.shape.prefillContext), String(s.shape.decodeRequests),
        String(s.shape.decodeTokens), String(s.shape.decodeContext), s.contextSource.rawValue,
        Format.fixed(p.flops, 0), Format.fixed(p.bytes, 0), Format.fixed(p.computeSeconds * 1000, 4),
        Format.fixed(p.memorySeconds * 1000, 4), p.bound.rawValue, Format.fixed(p.attainableSeconds * 1000, 4),
        Format.fixed(s.measuredSeconds * 1000, 2), Format.fixed(s.efficiency * 100, 2), s.classification.rawValue,
      ]
      out += cells.joined(separator: ",")
      out += "\n"
    }
    return (("roofline.csv", out), analysis)
  }
}
