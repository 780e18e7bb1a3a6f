/// Turns vLLM's year-less `MM-DD HH:MM:SS` timestamps into seconds since the first one.
///
/// Lines are ordered by position. A date that jumps back by more than half a year is a
/// new-year wrap; smaller steps back (processes interleaving their writes) are kept as printed.
/// The year is unknown, so it is taken as a common one (28 February → 1 March is one day) until a
/// 29 February shows it to be a leap year.
struct TimestampClock {
  private var origin: Int?
  private var yearOffset = 0
  private var last: Int?
  private(set) var regressions = 0
  private(set) var first: Double?
  private(set) var latest: Double?

  /// Whether the current year has shown a 29 February.
  private var leapYear = false

  private static let cumulativeDays = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365]
  private static let year = 365 * 86_400

  /// Seconds since the first timestamp for a line stamped `month`/`day` at `secondOfDay`;
  /// nil for an impossible date.
  mutating func seconds(month: Int, day: Int, secondOfDay: Int) -> Double? {
    guard (1...12).contains(month), (1...31).contains(day), secondOfDay < 86_400 + 60 else { return nil }
    let dayOfYear = Self.cumulativeDays[month - 1] + day - 1
    func stamp() -> Int {
      (dayOfYear + (leapYear && month > 2 ? 1 : 0)) * 86_400 + secondOfDay + yearOffset
    }
    if let last, last - stamp() > Self.year / 2 {
      // A new year: the one that ended had a 29 February if one was seen.
      yearOffset += Self.year + (leapYear ? 86_400 : 0)
      leapYear = false
    }
    if month == 2 && day == 29 { leapYear = true }
    let absolute = stamp()
    if let last, last - absolute > 60 { regressions += 1 }
    last = absolute
    if origin == nil { origin = absolute }
    let value = Double(absolute - (origin ?? absolute))
    if first == nil { first = value }
    latest = max(latest ?? value, value)
    return value
  }
}
