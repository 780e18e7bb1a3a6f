/// `eager_steps`: many steps ran eagerly, above the largest CUDA-graph capture size.
package struct EagerStepsRule: LogFindingRule {
  package let info = RuleInfo(
    id: "eager_steps", area: .cudaGraphs, sources: [.log], severities: [.warning],
    summary: "≥ eager_step_share_pct of steps ran eagerly above the largest capture size (graphs on)",
    thresholds: ["eager_step_share_pct"])

  package init() {}

  package func evaluate(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    let config = a.model.config
    guard config.cudagraphMode?.value != "NONE", config.enforceEager?.value != true else { return [] }
    // From the start-up lines, else from the sizes the tables print (a log without its start).
    let largest =
      config.maxCudagraphCaptureSize?.value ?? config.cudagraphCaptureSizes?.value.max()
      ?? a.cudagraph?.captureSizes?.max()
    var eager = 0
    var total = 0
    var source = ""
    var lines: [LineNumber] = []
    if let g = a.cudagraph, g.steps > 0, g.mode != "NONE" {
      eager = g.eagerStepsAboveLargest
      total = g.steps
      source = "CUDA-graph tables"
      lines = [g.firstLine].compactMap { $0 }
    } else if let largest, let steps = a.steps {
      total = steps.count
      eager = steps.tokenHistogram.filter { $0.tokens > largest }.reduce(0) { $0 + $1.steps }
      source = "iteration lines (steps with more tokens than the largest capture size)"
      lines = [steps.firstLine, steps.lastLine].compactMap { $0 }
    }
    guard let largest, total > 0, eager > 0, Double(eager) / Double(total) * 100 >= t.eagerStepSharePct else {
      return []
    }
    var timeEvidence: [Evidence] = []
    if let time = a.cudagraphEconomics?.time, time.eagerMs > 0 {
      timeEvidence.append(
        Evidence("eager steps took \(Format.ms(time.eagerMsPer1000Steps)) per 1,000 steps (measured step times)"))
    }
    return [
      Finding(
        id: info.id, severity: .warning,
        title:
          "\(Format.pct(Double(eager) / Double(total) * 100)) of steps ran eagerly (above the largest capture size \(largest))",
        evidence: [
          Evidence(
            "\(Format.grouped(eager)) of \(Format.grouped(total)) steps had more than \(largest) tokens (\(source))",
            lines: lines),
          Evidence(
            "largest capture size \(largest)",
            line: config.maxCudagraphCaptureSize?.line ?? config.cudagraphCaptureSizes?.line),
        ] + timeEvidence,
        recommendation:
          "Raise the largest capture size (--compilation-config '{\"max_cudagraph_capture_size\": N}' on v0.11.1+, "
          + "--cuda-graph-sizes on 0.9–0.11) to cover these steps, or lower --max-num-batched-tokens; large "
          + "prefill-heavy steps gain little from graphs, so weigh capture memory against the gain.")
    ]
  }
}
