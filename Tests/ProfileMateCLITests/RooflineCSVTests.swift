import Foundation
import Testing

/// `analyze LOG --model CONFIG --gpu NAME --csv DIR` writes every evaluated step's roofline to roofline.csv.
@Suite struct RooflineCSVTests {
  @Test func everyStepOfTheGptOssLogHasARow() throws {
    let fixtures = packageRoot + "/../shared/fixtures/real"
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try run([
      "analyze", fixtures + "/logs/v1-0.15.0-gpt-oss-120b-tp4-iteration-details-ansi-profilemate.full.log",
      "--model", fixtures + "/configs/openai--gpt-oss-120b.config.json", "--gpu", "H200", "--csv", dir, "--quiet",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let text = try String(contentsOfFile: dir + "/roofline.csv", encoding: .utf8)
    let rows = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    let header = try #require(rows.first)
    #expect(header.count == 19)
    // 7,241 steps of which 3 idle (the figures; Tests/Reference/expected_figures.txt): 7,238 rows.
    #expect(rows.count - 1 == 7_238)
    #expect(rows.dropFirst().allSatisfy { $0.count == header.count })
    // The log's first iteration line: `Iteration(0): 1 context requests, 1 context tokens, 0 generation
    // requests, 0 generation tokens, iteration elapsed time: 36.68 ms`.
    let first = rows[1]
    let column = { (name: String) in header.firstIndex { $0 == name }! }
    #expect(first[column("kind")] == "prefill")
    #expect(first[column("prefill_tokens")] == "1")
    #expect(first[column("measured_ms")] == "36.68")
    // The attainable time is the larger bound, and the share is attainable ÷ measured.
    let attainable = try #require(Double(first[column("attainable_ms")]))
    let bounds = [first[column("compute_ms")], first[column("memory_ms")]].compactMap { Double($0) }
    #expect(attainable == bounds.max())
    let pct = try #require(Double(first[column("attainable_pct_of_measured")]))
    #expect(abs(pct - attainable / 36.68 * 100) < 0.01)
  }

  @Test func markdownHasTheRooflineSection() throws {
    let fixtures = packageRoot + "/../shared/fixtures/real"
    let r = try run([
      "analyze", fixtures + "/logs/v1-0.15.0-gpt-oss-120b-tp4-iteration-details-ansi-profilemate.full.log",
      "--model", fixtures + "/configs/openai--gpt-oss-120b.config.json", "--gpu", "H200", "--markdown", "--quiet",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("### Roofline (per step, estimate)\n\n- H200: "))
    // 6,759 decode steps and 477 mixed (the figures for this log).
    #expect(r.stdout.contains("| decode | 6,759 |"))
    #expect(r.stdout.contains("| mixed | 477 |"))
  }
}
