import MetricsFetch
import PromMetrics
import Render
import Testing

/// The watch view without a terminal: sparklines, the frame, plain lines.
@Suite struct WatchViewTests {
  @Test func sparklineScalesFromZeroToTheLargest() {
    // 7 is the top (█, level 7); 1 and 2 are levels round(1) and round(2); nil is a space.
    #expect(Sparkline.render([0, 1, 2, nil, 7], width: 5) == "▁▂▃ █")
    #expect(Sparkline.render([5, 5], width: 8) == "██")
    #expect(Sparkline.render([0, 0, 0], width: 2) == "▁▁")
    #expect(Sparkline.render([nil, nil], width: 2) == "  ")
  }

  @Test func frameShowsGaugesRatesAndWindowQuantiles() throws {
    var t = MetricsTimeline(historyLimit: 10, recentWindowSeconds: 60)
    // run1 010, 020, 030 at their recorded times (1795927958366, 1795927981887, 1795928008392 ms).
    for seq in ["010", "020", "030"] {
      let reader = try RecordingReader(path: Fixtures.run1)
      let row = try #require(reader.rows.first { $0.seq == seq })
      t.add(ExpositionParser.parse(try reader.body(of: row)), epochMs: row.epochMs, seq: seq)
    }
    let frame = WatchView.frame(
      t, status: .init(source: "http://h:1/metrics", interval: 2, recording: "rec"), style: TextStyle(color: false),
      width: 80)
    #expect(frame.hasPrefix("ProfileMate watch — http://h:1/metrics every 2 s — scrape 3"))
    #expect(frame.contains("recording to rec"))
    #expect(frame.contains("tiny-llama / engine 0"))
    // running 0 → 35 → 125: a sparkline ▁, round(35/125·7) = 2 → ▃, █.
    #expect(frame.contains("running") && frame.contains("125") && frame.contains("▁▃█"))
    // 020 → 030 prompt tokens +13575 over 26.505 s = 512.2 tok/s.
    #expect(frame.contains("512.2"))
    // The 60 s window at 030 reaches back to 010 (50.026 s): TTFT p50 3.087 s, p99 18.825 s (Python).
    #expect(frame.contains("last 60 s: TTFT p50 3.09 s p99 18.83 s (141 first tokens)"))
    #expect(!frame.contains("\u{1B}["))
    let lines = WatchView.plainLines(t)
    #expect(lines.count == 1 && lines[0].hasPrefix("tiny-llama/0 running=125 waiting=59 kv=3.0% prompt_tok/s=512.2 "))
  }
}
