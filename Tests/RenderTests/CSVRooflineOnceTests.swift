import Testing

@testable import ProfileMateCore
@testable import Render

/// `analyze --model --gpu --csv`: roofline.csv and the report's roofline come from one evaluation of the steps.
@Suite struct CSVRooflineOnceTests {
  /// Counts the steps it costs (each distinct shape once per evaluation, behind the evaluation's cache).
  final class Counter: @unchecked Sendable {
    var calls = 0
  }

  /// 1e9 FLOPs per token, 1e6 bytes per token of decode context plus 1e9 fixed bytes; counts its calls.
  struct CountingModel: StepCostModel {
    let counter: Counter
    func cost(of s: StepShape) -> StepCost? {
      counter.calls += 1
      return StepCost(flops: 1e9 * Double(s.tokens), bytes: 1e6 * Double(s.decodeContext + 1000))
    }
    func peakFLOPS(on gpu: GPUSpec) -> Double { gpu.bf16FLOPS }
    func kvTokens(usagePct: Double, requests: Int) -> Double? { nil }
  }

  static let gpu = GPUSpec(
    name: "Test", aliases: [], memoryBytes: 1e9, memoryBandwidth: 1e9, bf16FLOPS: 1e12, fp8FLOPS: nil,
    tf32FLOPS: nil, fp4FLOPS: nil, source: "test")

  /// Five distinct step shapes (plus an idle step), KV usage on every line, capacity 6,400 tokens.
  static func run() -> RunModel {
    var model = RunModel(source: "synthetic")
    model.config.kvCacheTokens = Sourced(6400, line: 1)
    var trace = EngineTrace(index: 0)
    let shapes = [(0, 0, 4, 4), (1, 100, 0, 0), (0, 0, 4, 4), (0, 0, 0, 0), (0, 0, 8, 8), (1, 50, 2, 2)]
    trace.steps = StepStore(
      shapes.map {
        StepRecord(
          contextRequests: $0.0, contextTokens: $0.1, generationRequests: $0.2, generationTokens: $0.3,
          elapsedCentiMs: 150_000, kvUsagePermille: 100, isDummy: false)
      })
    model.engines = [trace]
    return model
  }

  @Test func oneEvaluationServesTheFileAndTheReport() throws {
    let model = Self.run()
    let alone = Counter()
    let summary = RooflineAnalysis.analyze(model, gpu: Self.gpu, costModel: CountingModel(counter: alone))
    #expect(alone.calls == 4)  // shapes (4 decodes), (100-token prefill), (8 decodes), (mixed); idle skipped

    let counter = Counter()
    let costModel = CountingModel(counter: counter)
    let r = CSVExport.roofline(model, gpu: Self.gpu, costModel: costModel)
    #expect(counter.calls == alone.calls)
    #expect(r.analysis == summary)
    #expect(r.file.contents.split(separator: "\n").count == 1 + 5)  // header, five non-idle steps
    #expect(
      r.file.contents
        == CSVExport.rooflineFile(model, gpu: Self.gpu, costModel: CountingModel(counter: Counter())).contents)

    // The report takes the evaluated roofline instead of costing the steps again.
    var options = AnalysisOptions(gpu: Self.gpu, costModel: costModel)
    options.evaluatedRoofline = .init(r.analysis)
    let before = counter.calls
    let analysis = RunAnalysis.analyze(model, options: options)
    #expect(counter.calls == before)
    #expect(analysis.roofline == summary)
    let fresh = RunAnalysis.analyze(model, options: AnalysisOptions(gpu: Self.gpu, costModel: costModel))
    #expect(analysis.findings.map(\.id) == fresh.findings.map(\.id) && fresh.roofline == summary)
  }
}
