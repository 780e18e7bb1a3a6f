import MetricsFetch
import ProfileMateCore
import PromMetrics
import Render
import Testing

/// A run directory's `/metrics` recording over time in the report (issue 10): the section in the text and the
/// charts in the HTML. Expected figures from the 2048 example's scrapes, read independently:
///
///     python3 - <<'EOF'   # in examples/vllm-cpu-0.32-2048/metrics
///     rows = [l.split('\t') for l in open('index.tsv').read().splitlines()[1:]]
///     ok = [r for r in rows if r[4] == '200']
///     def g(t, n): return sum(float(l.split()[-1]) for l in t.splitlines() if l.startswith(n + '{'))
///     ts = [open(r[3]).read() for r in ok]
///     print(len(ok), (int(ok[-1][2]) - int(ok[0][2])) / 1000)                   # 12 35.097
///     print(max(g(t, 'vllm:num_requests_running') for t in ts))                 # 1.0
///     print(g(ts[-1], 'vllm:prompt_tokens_total') - g(ts[0], 'vllm:prompt_tokens_total'))          # 3076.0
///     print(g(ts[-1], 'vllm:generation_tokens_total') - g(ts[0], 'vllm:generation_tokens_total'))  # 768.0
///     EOF
@Suite struct RunDirectoryTimelineTests {
  static let directory = RunDirectoryFixture.root + "/examples/vllm-cpu-0.32-2048"

  static func timeline() throws -> MetricsTimeline {
    let reader = try RecordingReader(path: directory + "/metrics")
    var t = MetricsTimeline()
    for row in reader.rows where row.ok {
      t.add(ExpositionParser.parse(try reader.body(of: row)), epochMs: row.epochMs, seq: row.seq)
    }
    return t
  }

  @Test func textShowsTheRecordingPerEngine() throws {
    let a = try RunDirectoryFixture.analyze(Self.directory)
    let text = TextReport.render(a, timeline: try Self.timeline(), style: TextStyle(color: false))
    let lines = text.split(separator: "\n").map(String.init)
    let start = try #require(lines.firstIndex(of: "Server /metrics over the recording"))
    #expect(lines[start + 1].hasPrefix("  12 scrapes over 35 s;"))
    let row = lines[start + 3].split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    // engine title, scrapes, peak running, peak waiting, peak KV, prompt tokens, generated tokens, preemptions
    #expect(Array(row.suffix(7)) == ["12", "1", "0", "0.0%", "3,076", "768", "0"])
  }

  @Test func htmlDrawsTheRecordingOverTime() throws {
    let a = try RunDirectoryFixture.analyze(Self.directory)
    let html = HTMLReport.render(a, timeline: try Self.timeline(), toolVersion: "0")
    #expect(html.contains("<section id=\"metrics-timeline\">"))
    for id in ["chart-metrics-requests", "chart-metrics-kv", "chart-metrics-throughput"] {
      #expect(html.contains("id=\"\(id)\""), "\(id)")
    }
    #expect(html.contains("One point per successful scrape (12 over 35 s)."))
  }
}
