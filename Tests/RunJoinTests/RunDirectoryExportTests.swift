import ProfileMateCore
import Render
import Testing

/// `analyze --markdown` and `--csv` of the recorded example: the benchmark's figures and the cross-checks.
/// Expected figures are the 2048 example's bench.json values (read with `json.load` in Python:
/// mean_ttft_ms 42.247633874978874, median_ttft_ms 40.19384250022995, std_ttft_ms 26.557006833319665, p99_ttft_ms 82.00225080006476,
/// median_itl_ms 0.004246500111548812, std_itl_ms 7.368267723664202, std_e2el_ms 30.168180917396114,
/// p99_e2el_ms 175.28747229015153; 24 completed, 0 failed; 3,076 input
/// tokens), and the token sums of its server.log counted by hand in examples/README.md (768 generated).
@Suite struct RunDirectoryExportTests {
  static let analysis: RunAnalysis? = try? RunDirectoryFixture.analyze(
    RunDirectoryFixture.root + "/examples/vllm-cpu-0.32-2048")

  @Test func markdownHasTheBenchmarkAndTheCrossChecks() throws {
    let md = MarkdownReport.render(try #require(Self.analysis))
    #expect(md.contains("### Benchmark (vllm bench serve, bench.json)"))
    #expect(md.contains("- requests: 24 completed, 0 failed\n- duration: 6.1 s"))  // duration 6.075039833000119 s
    #expect(md.contains("| latency (ms) | mean | median | std | p50 | p90 | p99 |"))
    #expect(md.contains("| TTFT | 42.25 | 40.19 | 26.56 | 40.19 | 77.73 | 82.00 |"))
    #expect(md.contains("| ITL | 1.66 | 0.0042 | 7.37 | 0.0042 | 2.52 | 11.26 |"))
    #expect(md.contains("| E2E | 92.26 | 79.58 | 30.17 | 79.58 | 128.49 | 175.29 |"))
    #expect(md.contains("### Cross-checks"))
    #expect(md.contains("| agree | 768 tokens | 768 tokens |"))
    #expect(md.contains("| agree | 3,076 tokens | 3,076 tokens |"))
    // The benchmark section comes before the findings.
    let bench = try #require(md.range(of: "### Benchmark"))
    let findings = try #require(md.range(of: "### Findings"))
    #expect(bench.lowerBound < findings.lowerBound)
  }

  @Test func csvHasOneRowPerLatencyStatisticAndPerCheck() throws {
    let files = CSVExport.runDirectoryFiles(try #require(Self.analysis))
    #expect(files.map(\.name) == ["bench.csv", "crosschecks.csv"])
    let bench = files[0].contents.split(separator: "\n").map(String.init)
    #expect(bench.first == "metric,statistic,ms")
    // 4 metrics × (mean, median, std, p50, p90, p99) in the file.
    #expect(bench.count == 1 + 4 * 6)
    #expect(bench.contains("ttft,p99,82.00225080006476"))
    #expect(bench.contains("ttft,mean,42.247633874978874"))
    #expect(bench.contains("itl,median,0.004246500111548812"))
    #expect(bench.contains("e2el,p99,175.28747229015153"))
    let checks = files[1].contents.split(separator: "\n").map(String.init)
    #expect(checks.first?.hasPrefix("id,status,unit,expected,observed,difference,") == true)
    #expect(checks.count == 1 + (Self.analysis?.crossChecks.count ?? -1))
    #expect(checks.contains { $0.hasPrefix("generation_tokens,agree,tokens,768.0,768.0,0.0,") })
    #expect(checks.contains { $0.hasPrefix("requests,agree,requests,24.0,24.0,") })
  }

  @Test func aLogAloneHasNoRunDirectoryFiles() {
    let a = RunAnalysis.analyze(RunModel(source: "x.log"))
    #expect(CSVExport.runDirectoryFiles(a).isEmpty)
    #expect(!MarkdownReport.render(a).contains("### Benchmark"))
  }
}
