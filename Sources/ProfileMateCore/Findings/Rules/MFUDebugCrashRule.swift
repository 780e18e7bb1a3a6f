/// `mfu_debug_crash`: the engine died of the VLLM_DEBUG_MFU_METRICS serialisation bug (v0.30+).
package struct MFUDebugCrashRule: LogFindingRule {
  package let info = RuleInfo(
    id: "mfu_debug_crash", area: .failures, sources: [.log], severities: [.critical],
    summary: "the log shows the VLLM_DEBUG_MFU_METRICS=1 crash signature (vLLM v0.30+)")

  package init() {}

  package func evaluate(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    let n = a.model.eventCount(.mfuDebugCrash)
    guard n > 0 else { return [] }
    return [
      Finding(
        id: info.id, severity: .critical,
        title: "The engine crashed because VLLM_DEBUG_MFU_METRICS=1 is set (a vLLM v0.30+ bug)",
        evidence: [
          Evidence(
            "\(n) line(s) show the known signature: perf_stats.debug_stats fails to serialise "
              + "(`Expected int, got array … context_breakdown`) or `unsupported operand type(s) for +: 'int' and 'list'`",
            lines: a.model.eventLines(.mfuDebugCrash))
        ],
        recommendation:
          "Unset VLLM_DEBUG_MFU_METRICS (keep --enable-mfu-metrics for the per-interval MFU line). From v0.30 "
          + "ExecutionContext carries a `requests` list that DebugPerfStats cannot sum or serialise, so the "
          + "first request kills the server (serve) or the first step (offline).")
    ]
  }
}
