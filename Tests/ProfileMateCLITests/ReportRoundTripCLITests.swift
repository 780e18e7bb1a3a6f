import Foundation
import ReportSchema
import Testing

/// `analyze --json` of every golden case and fixture, as the binary writes it, is a saved report that reads back
/// whole: decoded into ``ReportDocument`` and written again it is the same text, and `compare INPUT SAVED`
/// finds no difference between the live run and its saved report.
@Suite struct ReportRoundTripCLITests {
  /// The golden cases, and the fixtures they leave out (a run directory without metrics, the crashed and
  /// coloured runs' logs alone).
  static let inputs: [[String]] =
    GoldenReportTests.cases.map(\.arguments) + [
      ["examples/vllm-cpu-0.32-run1"], ["../shared/fixtures/vllm-cpu/run2-debug-mfudebug-2048-crash/server.log"],
      ["../shared/fixtures/vllm-cpu/run3-debug-color-2048/server.log"],
    ]

  @Test(
    "analyze --json decodes and re-encodes to the same text",
    .enabled(if: GoldenReportTests.sharedFixtures, "needs ../shared/fixtures"), arguments: inputs)
  func roundTrip(_ arguments: [String]) throws {
    let r = try run(["analyze"] + arguments + ["--json", "--quiet"], in: packageRoot)
    #expect(r.status == 0, "\(r.stderr)")
    let document = try JSONDecoder().decode(ReportDocument.self, from: Data(r.stdout.utf8))
    #expect(document.schemaVersion == 1 && document.engine != nil && document.coverage != nil)
    let again = try ReportJSONEncoder().encode(document) + "\n"
    let a = r.stdout.split(separator: "\n"), b = again.split(separator: "\n")
    if let i = zip(a, b).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
      Issue.record("\(arguments[0]) line \(i + 1): \(a[i]) → \(b[i])")
    }
    #expect(again == r.stdout)
  }

  @Test(
    "compare finds no difference against the saved report",
    .enabled(if: GoldenReportTests.sharedFixtures, "needs ../shared/fixtures"), arguments: inputs)
  func savedReportMatchesTheLiveRun(_ arguments: [String]) throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let saved = dir + "/saved.json"
    let r = try run(["analyze"] + arguments + ["--json", "--quiet", "--output", saved], in: packageRoot)
    #expect(r.status == 0, "\(r.stderr)")
    let c = try run(["compare", arguments[0], saved, "--json", "--quiet"], in: packageRoot)
    #expect(c.status == 0, "\(c.stderr)")
    let o = try #require(try JSONSerialization.jsonObject(with: Data(c.stdout.utf8)) as? [String: Any])
    #expect((o["config_differences"] as? [Any])?.isEmpty == true, "\(o["config_differences"] ?? "")")
    let metrics = try #require(o["metrics"] as? [[String: Any]])
    #expect(!metrics.isEmpty)
    for m in metrics {
      let a = m["a"] as? Double, b = m["b"] as? Double
      #expect(
        a == b, "\(m["metric"] ?? "?"): live \(a.map { "\($0)" } ?? "null"), saved \(b.map { "\($0)" } ?? "null")")
    }
  }

  @Test(.enabled(if: GoldenReportTests.sharedFixtures, "needs ../shared/fixtures"))
  func cudagraphJSONRoundTrips() throws {
    let log = "../shared/fixtures/real/logs/v1-0.15.0-gpt-oss-120b-tp4-iteration-details-ansi-profilemate.full.log"
    let r = try run(["cudagraph", log, "--json"], in: packageRoot)
    #expect(r.status == 0, "\(r.stderr)")
    let document = try JSONDecoder().decode(CudaGraphDocument.self, from: Data(r.stdout.utf8))
    #expect(document.economics.fitted != nil && document.economics.timeEstimate != nil)
    #expect(try ReportJSONEncoder().encode(document) + "\n" == r.stdout)
  }
}
