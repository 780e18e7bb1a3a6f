/// A number as JSON wrote it: up to 18 significant decimal digits and a power-of-ten exponent, so that a
/// timestamp in microseconds with a fraction (`5551154066934.214`) converts to whole nanoseconds exactly.
struct JSONNumber {
  var negative = false
  var digits: Int64 = 0
  var exponent = 0

  /// The value × 10^`shift`, rounded to the nearest whole number (shift 3 turns µs into ns).
  func scaled(_ shift: Int) -> Int64 {
    var v = digits
    var e = exponent + shift
    while e > 0 {
      let (m, o) = v.multipliedReportingOverflow(by: 10)
      if o { return negative ? Int64.min : Int64.max }
      v = m
      e -= 1
    }
    while e < 0 && v != 0 {
      // Round half away from zero on the last dropped digit.
      v = e == -1 ? (v + 5) / 10 : v / 10
      e += 1
    }
    return negative ? -v : v
  }
}
