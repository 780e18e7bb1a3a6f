import Foundation
import ProfileMateCore
import Testing

@testable import ReportSchema

/// Every fixture's report survives the saved-report round trip: the document built from the analysis,
/// written, read back with Foundation's JSONDecoder and written again gives the same text and the same
/// document, and the comparison figures read from it equal those of the live analysis.
@Suite struct FixtureRoundTripTests {
  @Test func thereAreFixtures() {
    // 5 real logs, then 3 vLLM CPU runs and 3 examples, each as a directory and as a log.
    #expect(ReportFixtures.inputs.count == (ReportFixtures.sharedFixtures ? 17 : 6))
  }

  @Test("decode ∘ encode is the identity", arguments: ReportFixtures.inputs)
  func roundTrip(_ input: String) throws {
    let analysis = try ReportFixtures.analyze(input)
    let document = ReportDocument(analysis, toolVersion: "test")
    let text = try ReportJSONEncoder().encode(document)
    let decoded = try JSONDecoder().decode(ReportDocument.self, from: Data(text.utf8))
    #expect(decoded == document)
    // The sections the analysis has are there (with a GPU and a cost model, every step log has a roofline).
    #expect((document.steps != nil) == (analysis.steps != nil))
    #expect((document.roofline != nil) == (analysis.steps != nil))
    #expect((document.cudagraphEconomics != nil) == (analysis.cudagraphEconomics != nil))
    #expect((document.benchmark != nil) == (analysis.model.benchmark != nil))
    #expect(document.engines?.count == analysis.engines.count)
    #expect(document.findings?.map(\.id) == analysis.findings.map(\.id))
    let again = try ReportJSONEncoder().encode(decoded)
    if again != text {
      let a = text.split(separator: "\n"), b = again.split(separator: "\n")
      let i = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
      Issue.record("\(input): line \(i + 1) differs: \(i < a.count ? a[i] : "") → \(i < b.count ? b[i] : "")")
    }
  }

  @Test("the saved report gives the live figures", arguments: ReportFixtures.inputs)
  func summaryMatches(_ input: String) throws {
    let analysis = try ReportFixtures.analyze(input)
    let text = try ReportJSONEncoder().encode(ReportDocument(analysis, toolVersion: "test"))
    let saved = RunSummary(try JSONDecoder().decode(ReportDocument.self, from: Data(text.utf8)), source: "s")
    var live = RunSummary(analysis, sampleLimit: 10, seed: 1)
    // What a saved report cannot hold: the input's name, single steps and per-request values.
    live.source = "s"
    live.samples = [:]
    live.benchmark?.samples = [:]
    #expect(saved == live)
    // The comparison must see the figures, not only agree that both sides lack them.
    #expect(!saved.config.isEmpty)
    #expect(saved.stepTokensPerSecond != nil || analysis.steps == nil)
    #expect(saved.benchmark != nil || analysis.model.benchmark == nil)
    #expect(saved.crossChecks.count == analysis.crossChecks.count)
  }
}
