import MetricsFetch
import Testing

@testable import PromMetrics

/// Fixture recordings read as timelines. Expected figures were computed independently with a few lines of
/// Python over the raw files (a regex per sample line; PromQL's bucket interpolation re-written in 10 lines):
///
///     def q(phi, b):  # b = [(le, cumulative)] sorted, +Inf last
///         rank = phi * b[-1][1]; i = next(i for i, (u, c) in enumerate(b) if c >= rank)
///         if i == len(b) - 1: return b[-2][0]
///         lo, below = (0, 0) if i == 0 else b[i - 1]
///         return lo + (b[i][0] - lo) * (rank - below) / (b[i][1] - below)
///     delta = [(u, c - first[u]) for u, c in last]          # snap-045 minus snap-001, per le
///
/// run1 001 → 045: 106.464 s; prompt +25675, generated +12944, finished +206, preemptions +0; TTFT count 206,
/// p50 4.090909090909091, p99 39.123404255319144; ITL count 12738, p50 0.2648888888888889,
/// p99 2.3081626506024078. run1's counters never decrease, so the sum of the interval increases equals
/// last − first.
@Suite struct RecordingTimelineTests {
  func timeline(_ path: String) throws -> MetricsTimeline {
    let reader = try RecordingReader(path: path)
    var t = MetricsTimeline()
    for row in reader.rows {
      if row.ok {
        t.add(ExpositionParser.parse(try reader.body(of: row)), epochMs: row.epochMs, seq: row.seq)
      } else {
        t.addFailure(epochMs: row.epochMs, status: row.status, seq: row.seq)
      }
    }
    return t
  }

  @Test func run1WholeRecordingSumsTheIntervals() throws {
    let t = try timeline(Fixtures.run1)
    #expect(t.scrapeCount == 45 && t.failureCount == 0)
    #expect(approx(t.spanSeconds, 106.464))
    #expect(t.engines.count == 1)
    let e = try #require(t.engines.first)
    #expect(e.points.count == 45 && e.points[0].interval == nil)
    #expect(e.points.dropFirst().allSatisfy { $0.interval != nil })
    let whole = try #require(t.wholeSummaries().first)
    #expect(whole.promptTokens == 25675 && whole.generationTokens == 12944)
    #expect(whole.requestsFinished == 206 && whole.preemptions == 0)
    #expect(whole.resetCounters.isEmpty)
    #expect(approx(whole.rates?.promptTokensPerSecond, 25675 / 106.464))
    let ttft = try #require(whole.latency(.ttft))
    #expect(ttft.count == 206 && approx(ttft.p50, 4.090909090909091) && approx(ttft.p99, 39.123404255319144))
    let itl = try #require(whole.latency(.interToken))
    #expect(itl.count == 12738 && approx(itl.p50, 0.2648888888888889) && approx(itl.p99, 2.3081626506024078))
    // The interval sums equal the whole.
    let intervals = e.points.compactMap(\.interval)
    #expect(intervals.reduce(0) { $0 + ($1.promptTokens ?? 0) } == 25675)
    #expect(intervals.reduce(0) { $0 + ($1.latency(.ttft)?.count ?? 0) } == 206)
  }

  @Test func intervalsAreWindowsBetweenNeighbours() throws {
    let t = try timeline(Fixtures.run1)
    let points = try #require(t.engines.first?.points)
    // snap-030 against snap-029: the same figures as WindowAnalysis of those two files.
    let p = try #require(points.first { $0.seq == "030" })
    #expect(p.running == 125 && p.waiting == 59)
    let reader = try RecordingReader(path: Fixtures.run1)
    let rows = reader.rows.filter { $0.seq == "029" || $0.seq == "030" }
    let w = WindowAnalysis(
      before: ExpositionParser.parse(try reader.body(of: rows[0])),
      after: ExpositionParser.parse(try reader.body(of: rows[1])),
      seconds: Double(rows[1].epochMs - rows[0].epochMs) / 1000)
    #expect(p.interval?.promptTokens == w.engines.first?.promptTokens)
    #expect(p.interval?.latency(.ttft) == w.engines.first?.latency(.ttft))
  }

  @Test func failedScrapesAreGaps() throws {
    let t = try timeline(Fixtures.run2)
    #expect(t.scrapeCount == 2 && t.failureCount == 20)
    #expect(t.attempts.filter { $0.status == "000ERR" }.count == 20)
    // 1795928466611 − 1795928464574 ms.
    #expect(approx(t.spanSeconds, 2.037))
  }

  func exposition(prompt: Double, created: Double, ttftBuckets: [(String, Double)]) -> Exposition {
    var text = """
      # TYPE vllm:prompt_tokens_total counter
      vllm:prompt_tokens_total{engine="0",model_name="m"} \(prompt)
      vllm:prompt_tokens_created{engine="0",model_name="m"} \(created)
      # TYPE vllm:time_to_first_token_seconds histogram

      """
    for (le, c) in ttftBuckets {
      text += "vllm:time_to_first_token_seconds_bucket{engine=\"0\",le=\"\(le)\",model_name=\"m\"} \(c)\n"
    }
    text += "vllm:time_to_first_token_seconds_count{engine=\"0\",model_name=\"m\"} \(ttftBuckets.last?.1 ?? 0)\n"
    return ExpositionParser.parse(text)
  }

  @Test func aRestartInTheMiddleCostsOnlyItsInterval() throws {
    var t = MetricsTimeline()
    t.add(exposition(prompt: 100, created: 1, ttftBuckets: [("0.1", 1), ("1.0", 2), ("+Inf", 2)]), epochMs: 0)
    t.add(exposition(prompt: 150, created: 1, ttftBuckets: [("0.1", 1), ("1.0", 4), ("+Inf", 4)]), epochMs: 10_000)
    // The server restarted: counters start again from zero.
    t.add(exposition(prompt: 20, created: 2, ttftBuckets: [("0.1", 3), ("1.0", 3), ("+Inf", 3)]), epochMs: 20_000)
    let whole = try #require(t.wholeSummaries().first)
    #expect(whole.promptTokens == 70)  // +50, then +20 after the restart
    #expect(whole.resetCounters == ["vllm:prompt_tokens_total"])
    // TTFT: interval 1 adds 2 in (0.1, 1]; interval 2 is the new histogram whole: 3 in (0, 0.1].
    // Sum: le=0.1 → 3, le=1 → 5, +Inf → 5; p50: rank 2.5 ≤ 3 in the first bucket: 0.1 × 2.5 / 3.
    let ttft = try #require(whole.latency(.ttft))
    #expect(ttft.count == 5 && approx(ttft.p50, 0.1 * 2.5 / 3))
    #expect(approx(whole.rates?.promptTokensPerSecond, 70.0 / 20))
  }

  @Test func slidingWindowStartsAtTheNewestScrapeOldEnough() throws {
    var t = MetricsTimeline(historyLimit: 2, recentWindowSeconds: 15)
    for (i, prompt) in [0.0, 10, 30, 60].enumerated() {
      t.add(exposition(prompt: prompt, created: 1, ttftBuckets: [("1.0", 0), ("+Inf", 0)]), epochMs: Int64(i) * 10_000)
    }
    // At 30 s the newest scrape at least 15 s old is the one at 10 s: 60 − 10 over 20 s.
    let recent = try #require(t.recentSummaries().first ?? nil)
    #expect(recent.promptTokens == 50 && recent.windowSeconds == 20)
    #expect(t.engines.first?.points.count == 2 && t.attempts.count == 2)
    #expect(t.wholeSummaries().first?.promptTokens == 60)
  }
}
