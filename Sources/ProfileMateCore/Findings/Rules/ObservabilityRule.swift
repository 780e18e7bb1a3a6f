/// `observability_missing`: the log lacks output vLLM can print (iteration details, CUDA-graph metrics, MFU,
/// stats), with the flags that turn each on or the version that adds it.
package struct ObservabilityRule: LogFindingRule {
  package let info = RuleInfo(
    id: "observability_missing", area: .observability, sources: [.log], severities: [.info],
    summary: "no iteration, CUDA-graph, MFU or stats lines in the log")

  package init() {}

  package func evaluate(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    let model = a.model
    let version = model.config.vllmVersion.flatMap { VLLMVersion($0.value) }
    let isV0 = model.config.engineGeneration?.value == "V0"
    func available(_ since: VLLMVersion) -> Bool { !isV0 && (version.map { $0 >= since } ?? true) }
    var missing: [(flag: String, why: String, since: VLLMVersion)] = []
    if model.engines.allSatisfy({ $0.steps.isEmpty }) {
      missing.append(("--enable-logging-iteration-details", "per-step prefill/decode timing", VLLMVersion(0, 14)))
    }
    if model.engines.allSatisfy({ $0.cudagraphTables.isEmpty }) {
      missing.append(("--cudagraph-metrics", "CUDA-graph padding and eager fall-backs", VLLMVersion(0, 13)))
    }
    if model.engines.allSatisfy({ $0.mfu.isEmpty }) {
      missing.append(("--enable-mfu-metrics", "achieved TFLOP/s and GB/s per GPU", VLLMVersion(0, 14)))
    }
    if model.engines.allSatisfy({ $0.stats.isEmpty }) && model.aggregatedStats.isEmpty {
      missing.append(
        (
          "stats logging (drop --disable-log-stats)", "queueing, KV usage and throughput every 10 s",
          VLLMVersion(0, 0)
        ))
    }
    guard !missing.isEmpty else { return [] }
    let now = missing.filter { available($0.since) }
    let later = missing.filter { !available($0.since) }
    var recommendation = ""
    if !now.isEmpty {
      recommendation = "Start the server with " + now.map(\.flag).joined(separator: " ") + "."
    }
    if !later.isEmpty {
      recommendation +=
        (recommendation.isEmpty ? "" : " ")
        + "Upgrading vLLM adds " + later.map { "\($0.flag) (v\($0.since)+)" }.joined(separator: ", ") + "."
    }
    return [
      Finding(
        id: info.id, severity: .info,
        title: "Turn on more of vLLM's output for a fuller analysis",
        evidence: missing.map { Evidence("no \($0.why) in this log (\($0.flag))") },
        recommendation: recommendation)
    ]
  }
}
