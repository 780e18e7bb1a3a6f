import ProfileMateCore

/// The `profilemate analyze --json` document (docs/report-schema.md): one value type per section, the JSON
/// member names as coding keys, members in the order they are written. ``ReportJSONEncoder`` writes it and
/// Foundation's `JSONDecoder` reads a saved report back into it, so the writer and the reader share one schema.
///
/// Every member is optional: a saved report of any schema-1 build decodes (members are added within a schema
/// version), and a member written as `null` decodes as nil. ``init(_:toolVersion:)`` fills in every member the
/// schema says is never null. Figures have full precision; rounding is for the human-readable renderers.
public struct ReportDocument: Codable, Sendable, Equatable {
  /// The schema version written; it goes up when a member is removed or changes meaning or type.
  public static let currentSchemaVersion = 1

  /// `schema_version`.
  public var schemaVersion: Int?
  /// `generator`: the tool that wrote the report.
  public var generator: Generator?
  /// `source`: the input path as resolved, `-` for standard input.
  public var source: String?
  /// `gpu`: the `--gpu` datasheet entry.
  public var gpu: GPU?
  /// `engine`: configuration and start-up facts.
  public var engine: Engine?
  /// `steps`: iteration-line timing over all engines.
  public var steps: Steps?
  /// `scheduler`: stats-line figures over all engines.
  public var scheduler: Scheduler?
  /// `cudagraph`: the CUDA-graph tables.
  public var cudagraph: CudaGraph?
  /// `cudagraph_economics`: padding under vLLM's dispatch rule, fitted sizes, mode advice.
  public var cudagraphEconomics: CudaGraphEconomics?
  /// `mfu`: MFU lines.
  public var mfu: MFU?
  /// `capacity`: KV-cache capacity against use.
  public var capacity: Capacity?
  /// `roofline`: steps against the GPU's roofline (`--model` with `--gpu`).
  public var roofline: Roofline?
  /// `events`: notable log events.
  public var events: Events?
  /// `requests`: request and HTTP access lines.
  public var requests: Requests?
  /// `findings`: most severe first.
  public var findings: [Finding]?
  /// `run_directory`: the files joined (null for a log).
  public var runDirectory: RunDirectory?
  /// `benchmark`: the run directory's benchmark result.
  public var benchmark: Benchmark?
  /// `cross_checks`: whether the run's sources agree (empty for a log).
  public var crossChecks: [CrossCheck]?
  /// `engines`: per data-parallel engine.
  public var engines: [EngineEntry]?
  /// `coverage`: how much of the input was understood.
  public var coverage: Coverage?

  enum CodingKeys: String, CodingKey {
    case schemaVersion = "schema_version"
    case generator
    case source
    case gpu
    case engine
    case steps
    case scheduler
    case cudagraph
    case cudagraphEconomics = "cudagraph_economics"
    case mfu
    case capacity
    case roofline
    case events
    case requests
    case findings
    case runDirectory = "run_directory"
    case benchmark
    case crossChecks = "cross_checks"
    case engines
    case coverage
  }

  /// An empty document (every member nil).
  public init() {}

  /// The document of an analysed run, written by ProfileMate `toolVersion`.
  public init(_ a: RunAnalysis, toolVersion: String) {
    schemaVersion = Self.currentSchemaVersion
    generator = Generator(version: toolVersion)
    source = a.model.source
    gpu = a.gpu.map(GPU.init)
    engine = Engine(a.model.config)
    steps = a.steps.map(Steps.init)
    scheduler = a.scheduler.map(Scheduler.init)
    cudagraph = a.cudagraph.map(CudaGraph.init)
    cudagraphEconomics = a.cudagraphEconomics.map { CudaGraphEconomics($0, tables: a.cudagraph) }
    mfu = a.mfu.map(MFU.init)
    capacity = a.capacity.map(Capacity.init)
    roofline = a.roofline.map(Roofline.init)
    events = Events(a.model)
    requests = Requests(a.model.requests)
    findings = a.findings.map(Finding.init)
    runDirectory = a.sources.map(RunDirectory.init)
    benchmark = a.model.benchmark.map(Benchmark.init)
    crossChecks = a.crossChecks.map(CrossCheck.init)
    engines = a.engines.map(EngineEntry.init)
    coverage = Coverage(a.model.coverage, timeSpan: a.model.timeSpanSeconds)
  }
}
