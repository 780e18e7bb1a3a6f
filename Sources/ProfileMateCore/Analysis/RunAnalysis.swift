/// Settings that change what the analysis computes.
public struct AnalysisOptions: Sendable {
  /// The GPU the run used, for MFU/MBU against its datasheet peaks.
  public var gpu: GPUSpec?
  /// Thresholds of the finding rules.
  public var thresholds: FindingThresholds
  /// The served model's cost per step; with ``gpu``, every step is placed on the roofline.
  public var costModel: (any StepCostModel)?
  /// The most capture sizes a fitted list may have (nil: as many as configured).
  public var maxCaptureSizes: Int?
  /// The roofline already evaluated for this run with ``gpu``, ``costModel`` and the thresholds' overhead
  /// factor (by an export that needs every step, so that the steps are evaluated once); used instead of
  /// evaluating them again.
  public var evaluatedRoofline: EvaluatedRoofline?

  /// A roofline evaluation's result (nil when no step could be evaluated).
  public struct EvaluatedRoofline: Sendable {
    /// The analysis.
    public var analysis: RooflineAnalysis?

    /// Wraps an evaluation's result.
    public init(_ analysis: RooflineAnalysis?) { self.analysis = analysis }
  }

  /// Creates options.
  public init(
    gpu: GPUSpec? = nil, thresholds: FindingThresholds = FindingThresholds(), costModel: (any StepCostModel)? = nil,
    maxCaptureSizes: Int? = nil
  ) {
    self.gpu = gpu
    self.thresholds = thresholds
    self.costModel = costModel
    self.maxCaptureSizes = maxCaptureSizes
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
  /// CUDA-graph padding economics, fitted capture sizes and mode advice over all engines.
  public var cudagraphEconomics: CudaGraphEconomics?
  /// MFU figures over all engines.
  public var mfu: MFUAnalysis?
  /// Capacity figures.
  public var capacity: CapacityAnalysis?
  /// Every step against the GPU's roofline (needs a cost model and a GPU).
  public var roofline: RooflineAnalysis?
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
  /// A run directory's `/metrics` recording summed up per engine (nil without a recording).
  public var metricsTimeline: MetricsTimelineSummary?
  /// The thresholds the findings were evaluated with (a join re-evaluates with them).
  public var thresholds = FindingThresholds()

  /// Analyses a run model.
  public static func analyze(_ model: RunModel, options: AnalysisOptions = AnalysisOptions()) -> RunAnalysis {
    let config = model.config
    let budget = config.maxNumBatchedTokens?.value
    let largest = config.maxCudagraphCaptureSize?.value ?? config.cudagraphCaptureSizes?.value.max()
    let firstWarning = model.events.first { $0.kind == .preemption }?.line
    let allStats = model.engines.flatMap(\.stats) + model.aggregatedStats
    // V1 prints `Preemptions: N` in its stats lines from v0.11.1, only in intervals that had one; before that it
    // logs none, and 0.32 never prints it (the counter is reset before it is read, vllm PR #38452): there a
    // missing part says nothing, and the count is unknown unless a run directory's counter gives it.
    let version = config.vllmVersion.flatMap { VLLMVersion($0.value) }
    let logged =
      version.map { $0 >= VLLMVersion(0, 11, 1) && !($0 >= VLLMVersion(0, 32) && $0 < VLLMVersion(0, 33)) } ?? false
    let scheduler = SchedulerAnalysis.analyze(
      allStats.sorted { $0.line < $1.line }, v0Preemptions: model.v0CumulativePreemptions,
      firstPreemptionWarning: firstWarning, preemptionsLogged: logged)
    let q = config.decodeQueryLen
    let topSteps = StepAnalysis.analyze(model.engines, maxNumBatchedTokens: budget, decodeQueryLen: q)
    let single = model.engines.count == 1
    let engines = model.engines.map { trace in
      EngineAnalysis(
        index: trace.index,
        steps: single ? topSteps : StepAnalysis.analyze([trace], maxNumBatchedTokens: budget, decodeQueryLen: q),
        scheduler: SchedulerAnalysis.analyze(trace.stats, preemptionsLogged: logged),
        cudagraph: CudaGraphAnalysis.analyze(trace.cudagraphTables, configuredLargest: largest),
        mfu: MFUAnalysis.analyze(trace.mfu, gpu: options.gpu, dtype: config.dtype?.value))
    }
    let tables = CudaGraphAnalysis.analyze(
      model.engines.flatMap(\.cudagraphTables).sorted { $0.line < $1.line }, configuredLargest: largest)
    var analysis = RunAnalysis(
      model: model, steps: topSteps,
      scheduler: scheduler,
      cudagraph: tables,
      cudagraphEconomics: CudaGraphEconomics.analyze(
        model, tables: tables, scheduler: scheduler, steps: topSteps, maxSizes: options.maxCaptureSizes),
      mfu: MFUAnalysis.analyze(
        model.engines.flatMap(\.mfu).sorted { $0.line < $1.line }, gpu: options.gpu, dtype: config.dtype?.value),
      capacity: CapacityAnalysis.analyze(config: config, scheduler: scheduler, steps: model.engines),
      roofline: nil, engines: engines, findings: [], gpu: options.gpu)
    if let evaluated = options.evaluatedRoofline {
      analysis.roofline = evaluated.analysis
    } else if let gpu = options.gpu, let costModel = options.costModel {
      analysis.roofline = RooflineAnalysis.analyze(
        model, gpu: gpu, costModel: costModel, overheadFactor: options.thresholds.rooflineOverheadFactor)
    }
    analysis.thresholds = options.thresholds
    analysis.findings = FindingRules.evaluate(analysis, thresholds: options.thresholds)
    return analysis
  }
}
