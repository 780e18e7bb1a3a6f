/// Settings that change what the analysis computes.
public struct AnalysisOptions: Sendable {
  /// The GPU the run used, for MFU/MBU against its datasheet peaks.
  public var gpu: GPUSpec?
  /// Thresholds of the finding rules.
  public var thresholds: FindingThresholds

  /// Creates options.
  public init(gpu: GPUSpec? = nil, thresholds: FindingThresholds = FindingThresholds()) {
    self.gpu = gpu
    self.thresholds = thresholds
  }
}

/// The analyses of one engine.
public struct EngineAnalysis: Sendable, Equatable {
  /// The engine index.
  public var index: Int
  /// Step figures.
  public var steps: StepAnalysis?
  /// Scheduler figures.
  public var scheduler: SchedulerAnalysis?
  /// CUDA-graph figures.
  public var cudagraph: CudaGraphAnalysis?
  /// MFU figures.
  public var mfu: MFUAnalysis?
}

/// Everything ProfileMate concludes about one run.
public struct RunAnalysis: Sendable {
  /// The run model the figures come from (configuration, events, coverage, raw series).
  public var model: RunModel
  /// Step figures over all engines.
  public var steps: StepAnalysis?
  /// Scheduler figures over all engines' stats lines (and aggregated lines).
  public var scheduler: SchedulerAnalysis?
  /// CUDA-graph figures over all engines.
  public var cudagraph: CudaGraphAnalysis?
  /// MFU figures over all engines.
  public var mfu: MFUAnalysis?
  /// Capacity figures.
  public var capacity: CapacityAnalysis?
  /// Per engine.
  public var engines: [EngineAnalysis]
  /// Findings, most severe first.
  public var findings: [Finding]
  /// The GPU named by the user, if any.
  public var gpu: GPUSpec?
  /// The files joined when the input was a run directory (nil for a single log).
  public var sources: RunSources?
  /// Whether the run's sources agree (log vs `/metrics`, benchmark vs server); empty for a single log.
  public var crossChecks: [CrossCheck] = []

  /// Analyses a run model.
  public static func analyze(_ model: RunModel, options: AnalysisOptions = AnalysisOptions()) -> RunAnalysis {
    let config = model.config
    let budget = config.maxNumBatchedTokens?.value
    let largest = config.maxCudagraphCaptureSize?.value ?? config.cudagraphCaptureSizes?.value.max()
    let firstWarning = model.events.first { $0.kind == .preemption }?.line
    let allStats = model.engines.flatMap(\.stats) + model.aggregatedStats
    // V1 prints `Preemptions: N` in its stats lines from v0.11.1; before that it logs none.
    let version = config.vllmVersion.flatMap { VLLMVersion($0.value) }
    let logged = version.map { $0 >= VLLMVersion(0, 11, 1) } ?? false
    let scheduler = SchedulerAnalysis.analyze(
      allStats.sorted { $0.line < $1.line }, v0Preemptions: model.v0CumulativePreemptions,
      firstPreemptionWarning: firstWarning, preemptionsLogged: logged)
    let topSteps = StepAnalysis.analyze(model.engines, maxNumBatchedTokens: budget)
    let single = model.engines.count == 1
    let engines = model.engines.map { trace in
      EngineAnalysis(
        index: trace.index, steps: single ? topSteps : StepAnalysis.analyze([trace], maxNumBatchedTokens: budget),
        scheduler: SchedulerAnalysis.analyze(trace.stats, preemptionsLogged: logged),
        cudagraph: CudaGraphAnalysis.analyze(trace.cudagraphTables, configuredLargest: largest),
        mfu: MFUAnalysis.analyze(trace.mfu, gpu: options.gpu, dtype: config.dtype?.value))
    }
    var analysis = RunAnalysis(
      model: model, steps: topSteps,
      scheduler: scheduler,
      cudagraph: CudaGraphAnalysis.analyze(
        model.engines.flatMap(\.cudagraphTables).sorted { $0.line < $1.line }, configuredLargest: largest),
      mfu: MFUAnalysis.analyze(
        model.engines.flatMap(\.mfu).sorted { $0.line < $1.line }, gpu: options.gpu, dtype: config.dtype?.value),
      capacity: CapacityAnalysis.analyze(config: config, scheduler: scheduler, steps: model.engines),
      engines: engines, findings: [], gpu: options.gpu)
    analysis.findings = FindingRules.evaluate(analysis, thresholds: options.thresholds)
    return analysis
  }
}
