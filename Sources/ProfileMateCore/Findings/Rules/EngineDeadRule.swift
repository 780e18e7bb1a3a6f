/// `engine_dead`: the engine process died (only info when every death line follows the shutdown).
package struct EngineDeadRule: LogFindingRule {
  package let info = RuleInfo(
    id: "engine_dead", area: .failures, sources: [.log], severities: [.info, .critical],
    summary: "the log has an engine-death line (info when all of them come after the shutdown began)")

  package init() {}

  package func evaluate(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    let model = a.model
    let n = model.eventCount(.engineDead)
    guard n > 0 else { return [] }
    let deaths = model.eventLines(.engineDead)
    let duringShutdown =
      model.events.first { $0.kind == .shutdown }.map { s in deaths.allSatisfy { $0 > s.line } } ?? false
    return [
      Finding(
        id: info.id, severity: duringShutdown ? .info : .critical,
        title: duringShutdown
          ? "EngineDeadError logged during shutdown (a by-product of stopping the server)"
          : "The engine process died",
        evidence: [Evidence("\(n) engine-death line(s)", lines: deaths)],
        recommendation: duringShutdown
          ? "Nothing to change: the error came after the shutdown began."
          : "Read the first traceback before the death; fix its cause (memory, a model/kernel error), then restart.")
    ]
  }
}
