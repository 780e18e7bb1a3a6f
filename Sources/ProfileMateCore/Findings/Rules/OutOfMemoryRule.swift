/// `out_of_memory`: the engine ran out of device memory.
package struct OutOfMemoryRule: LogFindingRule {
  package let info = RuleInfo(
    id: "out_of_memory", area: .failures, sources: [.log], severities: [.critical],
    summary: "the log has an out-of-memory line")

  package init() {}

  package func evaluate(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    let n = a.model.eventCount(.outOfMemory)
    guard n > 0 else { return [] }
    return [
      Finding(
        id: info.id, severity: .critical, title: "The engine ran out of device memory",
        evidence: [Evidence("\(n) out-of-memory line(s)", lines: a.model.eventLines(.outOfMemory))],
        recommendation:
          "Lower --gpu-memory-utilization (leave room for activations and CUDA graphs), or lower "
          + "--max-num-batched-tokens / --max-num-seqs; raise --tensor-parallel-size for large models.")
    ]
  }
}
