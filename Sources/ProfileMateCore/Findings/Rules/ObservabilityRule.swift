/// `observability_missing`: the log lacks output vLLM can print (iteration details, CUDA-graph metrics, MFU,
/// stats), with the flags that turn each on or the version that adds it.
package struct ObservabilityRule: LogFindingRule {
  package let info = RuleInfo(
    id: "observability_missing", area: .observability, sources: [.log], severities: [.info],
    summary: "no iteration, CUDA-graph, MFU or stats lines in the log")

  package init() {}

  package func evaluate(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    let model = a.model
    let c = model.config
    let noSteps = model.engines.allSatisfy { $0.steps.isEmpty }
    let noStats = model.engines.allSatisfy { $0.stats.isEmpty } && model.aggregatedStats.isEmpty
    // A server that never served (it failed at start-up, or the log is a start-up excerpt) prints none of these
    // lines whatever its flags: the failure findings speak for it.
    let r = model.requests
    let served =
      !noSteps || !noStats || r.received > 0 || r.added > 0 || r.finished > 0 || r.httpGenerationRequests > 0
      || model.eventCount(.preemption) > 0
    guard served else { return [] }
    let version = c.vllmVersion.flatMap { VLLMVersion($0.value) }
    let isV0 = c.engineGeneration?.value == "V0"
    func available(_ since: VLLMVersion) -> Bool { !isV0 && (version.map { $0 >= since } ?? true) }
    let o = c.observability
    // Outputs the log lacks whose flag is not known to be on (a flag that was on and printed nothing is no
    // reason to tell the user to turn it on).
    var missing: [(flag: String, why: String, since: VLLMVersion)] = []
    if noSteps, o.iterationDetails != true {
      missing.append(("--enable-logging-iteration-details", "per-step prefill/decode timing", VLLMVersion(0, 14)))
    }
    if model.engines.allSatisfy({ $0.cudagraphTables.isEmpty }), o.cudagraphMetrics != true {
      missing.append(("--cudagraph-metrics", "CUDA-graph padding and eager fall-backs", VLLMVersion(0, 13)))
    }
    if model.engines.allSatisfy({ $0.mfu.isEmpty }), o.mfuMetrics != true {
      missing.append(("--enable-mfu-metrics", "achieved TFLOP/s and GB/s per GPU", VLLMVersion(0, 14)))
    }
    // Stats lines: off with --disable-log-stats, and vLLM turns them off itself with several API servers.
    var statsAdvice: String?
    var evidence: [Evidence] = []
    if noStats {
      let apiServers = c.nonDefaultArgs["api_server_count"].flatMap { Int($0) } ?? 1
      if apiServers > 1 {
        statsAdvice = "Start with --api-server-count 1: vLLM does not log stats with \(apiServers) API servers."
        evidence.append(Evidence("no stats lines, and api_server_count is \(apiServers) (vLLM logs none then)"))
      } else if o.disableLogStats == true {
        statsAdvice = "Drop --disable-log-stats for queueing, KV usage and throughput every 10 s."
        evidence.append(Evidence("no stats lines: --disable-log-stats is set"))
      }
    }
    guard !missing.isEmpty || statsAdvice != nil else { return [] }
    let now = missing.filter { available($0.since) }
    let later = missing.filter { !available($0.since) }
    var sentences: [String] = []
    if !now.isEmpty { sentences.append("Start the server with " + now.map(\.flag).joined(separator: " ") + ".") }
    if !later.isEmpty {
      sentences.append(
        "Upgrading vLLM adds " + later.map { "\($0.flag) (v\($0.since)+)" }.joined(separator: ", ") + ".")
    }
    if let statsAdvice { sentences.append(statsAdvice) }
    return [
      Finding(
        id: info.id, severity: .info,
        title: "Turn on more of vLLM's output for a fuller analysis",
        evidence: missing.map { Evidence("no \($0.why) in this log (\($0.flag))") } + evidence,
        recommendation: sentences.joined(separator: " "))
    ]
  }
}
