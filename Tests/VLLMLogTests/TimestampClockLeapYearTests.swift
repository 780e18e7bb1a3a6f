import Testing

@testable import VLLMLog

/// The clock's calendar: the year is unknown, so it is a common year until a 29 February shows.
@Suite struct TimestampClockLeapYearTests {
  private func s(_ h: Int, _ m: Int, _ sec: Int) -> Int { h * 3600 + m * 60 + sec }

  @Test func endOfFebruaryInACommonYear() {
    var c = TimestampClock()
    #expect(c.seconds(month: 2, day: 28, secondOfDay: s(23, 59, 0)) == 0)
    #expect(c.seconds(month: 3, day: 1, secondOfDay: s(0, 1, 0)) == 120)
  }

  @Test func twentyNinthOfFebruaryMakesALeapYear() {
    var c = TimestampClock()
    #expect(c.seconds(month: 2, day: 28, secondOfDay: s(23, 59, 0)) == 0)
    #expect(c.seconds(month: 2, day: 29, secondOfDay: s(0, 1, 0)) == 120)
    let march = c.seconds(month: 3, day: 1, secondOfDay: s(0, 1, 0))
    #expect(march == 86_520)
  }

  @Test func leapYearThenNewYear() {
    var c = TimestampClock()
    // 29 Feb 12:00 → 31 Dec 23:59 of a leap year: 306 days and 11:59 later; then 2 minutes to 1 Jan.
    #expect(c.seconds(month: 2, day: 29, secondOfDay: s(12, 0, 0)) == 0)
    let lateDecember = Double(306 * 86_400 + s(11, 59, 0))
    #expect(c.seconds(month: 12, day: 31, secondOfDay: s(23, 59, 0)) == lateDecember)
    #expect(c.seconds(month: 1, day: 1, secondOfDay: s(0, 1, 0)) == lateDecember + 120)
    // The new year is a common one again: 1 Jan → 1 Mar is 59 days.
    #expect(c.seconds(month: 3, day: 1, secondOfDay: s(0, 1, 0)) == lateDecember + 120 + 59 * 86_400)
  }

  @Test func smallStepsBackAreKeptAndCounted() {
    var c = TimestampClock()
    #expect(c.seconds(month: 5, day: 13, secondOfDay: s(10, 0, 0)) == 0)
    #expect(c.seconds(month: 5, day: 13, secondOfDay: s(9, 58, 0)) == -120)
    #expect(c.regressions == 1)
    #expect(c.seconds(month: 13, day: 1, secondOfDay: 0) == nil)
  }
}
