/// Turns vLLM's year-less `MM-DD HH:MM:SS` timestamps into seconds since the first one.
///
/// Lines are ordered by position. A date that jumps back by more than half a year is a
/// new-year wrap; smaller steps back (processes interleaving their writes) are kept as printed.
struct TimestampClock {
  private var origin: Int?
  private var yearOffset = 0
  private var last: Int?
  private(set) var regressions = 0
  private(set) var first: Double?
  private(set) var latest: Double?

  private static let cumulativeDays = [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366]
  private static let year = 366 * 86_400

  /// Seconds since the first timestamp for a line stamped `month`/`day` at `secondOfDay`;
  /// nil for an impossible date.
  mutating func seconds(month: Int, day: Int, secondOfDay: Int) -> Double? {
    guard (1...12).contains(month), (1...31).contains(day), secondOfDay < 86_400 + 60 else { return nil }
    var absolute = (Self.cumulativeDays[month - 1] + day - 1) * 86_400 + secondOfDay + yearOffset
    if let last {
      if last - absolute > Self.year / 2 {
        yearOffset += Self.year
        absolute += Self.year
      } else if last - absolute > 60 {
        regressions += 1
      }
    }
    last = absolute
    if origin == nil { origin = absolute }
    let value = Double(absolute - (origin ?? absolute))
    if first == nil { first = value }
    latest = max(latest ?? value, value)
    return value
  }
}
