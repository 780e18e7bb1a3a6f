import ProfileMateCore
import Testing
import VLLMLog

/// Year-less `MM-DD HH:MM:SS` timestamps (spec §0.1), seen through stats-line times.
@Suite struct TimestampClockTests {
  private func times(_ stamps: [String]) -> (times: [Double?], model: RunModel) {
    let m = Snippet.read(stamps.map { "INFO \($0) [loggers.py:1] Engine 000: " + Snippet.stats() })
    return (Snippet.allStats(m).map(\.time), m)
  }

  @Test func acrossMidnight() {
    let (t, m) = times(["05-13 23:59:58", "05-14 00:00:03"])
    #expect(t == [0, 5])
    #expect(m.timeSpanSeconds == 5)
  }

  @Test func acrossNewYear() {
    let (t, m) = times(["12-31 23:59:58", "01-01 00:00:03", "01-01 00:01:03"])
    #expect(t == [0, 5, 65])
    #expect(m.timeSpanSeconds == 65)
    #expect(m.coverage.timestampRegressions == 0)
  }

  @Test func acrossMonthEnd() {
    // 30 April has 30 days: 04-30 23:00:00 → 05-01 01:00:00 is two hours.
    let (t, _) = times(["04-30 23:00:00", "05-01 01:00:00"])
    #expect(t == [0, 7200])
  }

  @Test func februaryIsCommonUntilALeapDayShows() {
    // No year is printed: 28 Feb → 1 Mar is one day, unless a 29 Feb was seen in between.
    #expect(times(["02-28 23:00:00", "03-01 01:00:00"]).times == [0, 7200])
    #expect(times(["02-28 23:00:00", "02-29 12:00:00", "03-01 01:00:00"]).times == [0, 46_800, 93_600])
  }

  @Test func smallBackwardStepsAreKeptLargeOnesCounted() {
    // Processes interleave writes: 30 s back is tolerated; an hour back is a regression.
    let (t, m) = times(["05-13 10:00:30", "05-13 10:00:00", "05-13 09:00:00"])
    #expect(t == [0, -30, -3630])
    #expect(m.coverage.timestampRegressions == 1)
  }

  @Test func impossibleDatesHaveNoTime() {
    let (t, _) = times(["13-01 10:00:00", "05-13 10:00:00"])
    #expect(t == [nil, 0])
  }
}
