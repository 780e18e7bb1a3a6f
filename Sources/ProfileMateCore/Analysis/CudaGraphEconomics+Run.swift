extension CudaGraphEconomics {
  /// The economics of a run: iteration lines when there are any (else the tables' rows), the mode and
  /// sizes from the start-up lines (else the tables' header), a cross-check when both sources exist.
  /// Nil when the run shows no capture sizes, or no steps to pad.
  /// - Parameters:
  ///   - tables: the table analysis of the same run, for the cross-check.
  ///   - maxSizes: `--max-graphs`, the most capture sizes the fitted list may have.
  public static func analyze(
    _ model: RunModel, tables: CudaGraphAnalysis?, scheduler: SchedulerAnalysis?, steps: StepAnalysis?,
    maxSizes: Int? = nil
  ) -> CudaGraphEconomics? {
    let config = model.config
    var assumptions: [String] = []
    let version = config.vllmVersion.flatMap { VLLMVersion($0.value) }
    let printed = config.cudagraphMode?.value ?? tables?.mode
    var mode = printed.flatMap(CudaGraphMode.init(name:))
    if config.enforceEager?.value == true { mode = CudaGraphMode.none }
    guard let sizes = config.cudagraphCaptureSizes?.value ?? tables?.captureSizes else { return nil }
    if mode == nil {
      let assumed: CudaGraphMode = (version.map { $0 >= VLLMVersion(0, 11) } ?? true) ? .fullAndPiecewise : .piecewise
      assumptions.append("the CUDA-graph mode is not in the log; assumed vLLM's default \(assumed.rawValue)")
      mode = assumed
    }
    let q = config.decodeQueryLen
    let seqs = config.maxNumSeqs?.value
    if seqs == nil, mode?.separateRoutine == true {
      assumptions.append("max_num_seqs is not in the log; FULL decode graphs assumed for every capture size")
    }
    let rule = CudaGraphPaddingRule(mode: mode ?? .none, captureSizes: sizes, maxNumSeqs: seqs, decodeQueryLen: q)
    let hasSteps = model.engines.contains { !$0.steps.isEmpty }
    let allTables = model.engines.flatMap(\.cudagraphTables)
    let workload: CudaGraphWorkload
    let basis: Basis
    if hasSteps {
      workload = CudaGraphWorkload(traces: model.engines, decodeQueryLen: q)
      basis = .iterationLines
    } else if !allTables.isEmpty {
      workload = CudaGraphWorkload(tables: allTables, mode: mode)
      basis = .cudagraphTables
    } else {
      return nil
    }
    guard workload.steps > 0 else { return nil }
    var facts = CudaGraphModeAdvice.Facts()
    facts.mode = mode
    facts.enforceEager = config.enforceEager?.value ?? false
    facts.attentionBackend = config.attentionBackend?.value
    facts.device = config.device?.value
    facts.decodeQueryLen = q
    facts.kvRole = kvRole(config.nonDefaultArgs["kv_transfer_config"])
    facts.peakKVUsagePct = scheduler?.maxKVUsagePct?.value
    facts.preemptions = scheduler?.preemptions ?? 0
    facts.medianDecodeMs = steps?.byKind[.decode]?.time?.p50
    facts.captureGiB = config.graphCaptureGiB?.value
    var economics = CudaGraphEconomics(
      workload: workload, rule: rule, basis: basis, maxSizes: maxSizes, version: version, facts: facts,
      capture: (config.graphCaptureSeconds?.value, config.graphCaptureGiB?.value), assumptions: assumptions)
    if basis == .iterationLines, let t = tables, t.steps > 0 {
      let p = economics.padding
      let diff = zip2(t.paddingOverheadPct, p.paddingOverheadPct).map { abs($0 - $1) }
      let larger = max(t.steps, p.steps)
      let stepGap = larger > 0 ? Double(abs(t.steps - p.steps)) / Double(larger) * 100 : 0
      economics.crossCheck = CrossCheck(
        tableSteps: t.steps, iterationSteps: p.steps, tableOverheadPct: t.paddingOverheadPct,
        iterationOverheadPct: p.paddingOverheadPct, tableEagerSteps: t.eagerSteps, iterationEagerSteps: p.eagerSteps,
        differencePctPoints: diff,
        agree: (diff ?? 0) <= CrossCheck.tolerancePctPoints && stepGap <= CrossCheck.stepTolerancePct)
    }
    return economics
  }

  private static func zip2(_ a: Double?, _ b: Double?) -> (Double, Double)? {
    guard let a, let b else { return nil }
    return (a, b)
  }

  /// The KV-transfer role in a printed KV-transfer config (`kv_consumer`, `kv_producer`, `kv_both`).
  static func kvRole(_ config: String?) -> String? {
    guard let c = config, c != "None" else { return nil }
    for role in ["kv_consumer", "kv_producer", "kv_both"] where c.contains(role) { return role }
    return nil
  }
}
