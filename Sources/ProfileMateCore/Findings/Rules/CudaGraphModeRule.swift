/// `cudagraph_mode`: the mode flowchart (docs/cudagraph.md) advises another CUDA-graph mode.
package struct CudaGraphModeRule: LogFindingRule {
  package let info = RuleInfo(
    id: "cudagraph_mode", area: .cudaGraphs, sources: [.log], severities: [.info],
    summary: "the CUDA-graph mode flowchart advises another mode than the configured one")

  package init() {}

  package func evaluate(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    guard let advice = a.cudagraphEconomics?.advice, advice.changeAdvised, let current = advice.current else {
      return []
    }
    let config = a.model.config
    return [
      Finding(
        id: info.id, severity: .info,
        title: "CUDA-graph mode \(advice.recommended.rawValue) suits this run better than \(current.rawValue)",
        evidence: advice.path.map { Evidence($0) } + advice.overrides.map { Evidence("evidence: " + $0) }
          + [Evidence("configured mode \(current.rawValue)", line: config.cudagraphMode?.line)],
        recommendation: "Set the mode: " + advice.flag + ".")
    ]
  }
}
