/// `errors_logged`: error records, when no crash, out-of-memory or engine death explains them.
package struct ErrorsLoggedRule: LogFindingRule {
  package let info = RuleInfo(
    id: "errors_logged", area: .failures, sources: [.log], severities: [.warning],
    summary: "the log has error records and none of mfu_debug_crash, out_of_memory, engine_dead")

  package init() {}

  package func evaluate(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    let model = a.model
    let errors = model.eventCount(.error)
    let explained = [LogEvent.Kind.mfuDebugCrash, .outOfMemory, .engineDead].contains { model.eventCount($0) > 0 }
    guard errors > 0, !explained else { return [] }
    return [
      Finding(
        id: info.id, severity: .warning, title: "\(errors) error record(s) in the log",
        evidence: [
          Evidence(
            "first error: \(model.events.first { $0.kind == .error }?.message ?? "")",
            lines: Array(model.eventLines(.error).prefix(10)))
        ],
        recommendation: "Check each error; retries while loading (e.g. safetensors index look-ups) are harmless.")
    ]
  }
}
