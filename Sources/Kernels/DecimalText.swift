/// A number as printed: its decimal digits and a power-of-ten exponent, so that scaling by an exact factor
/// stays exact while the result is a whole number.
struct DecimalText {
  var negative: Bool
  var digits: Int64
  var exponent: Int
  /// The value as a `Double`, for text that does not fit 18 digits (scientific notation, long fractions).
  var fallback: Double

  /// Parses `-12,345.678`, `1e-3`, `0.5`; nil for empty text, `n/a`, or anything else.
  init?(_ text: String) {
    let t = text.trimmingSpaces.filter { $0 != "," }
    guard !t.isEmpty, let fallback = Double(t), fallback.isFinite else { return nil }
    self.fallback = fallback
    var negative = false
    var digits: Int64 = 0
    var exponent = 0
    var seenPoint = false
    var exact = true
    var chars = Substring(t)
    if chars.first == "-" || chars.first == "+" {
      negative = chars.first == "-"
      chars = chars.dropFirst()
    }
    for ch in chars {
      if ch == "." {
        if seenPoint { exact = false }
        seenPoint = true
        continue
      }
      guard let d = ch.wholeNumberValue, ch.isASCII else {
        exact = false
        break
      }
      let (m, o1) = digits.multipliedReportingOverflow(by: 10)
      let (s, o2) = m.addingReportingOverflow(Int64(d))
      if o1 || o2 {
        exact = false
        break
      }
      digits = s
      if seenPoint { exponent -= 1 }
    }
    self.negative = negative
    if exact {
      self.digits = digits
      self.exponent = exponent
    } else {
      self.digits = 0
      self.exponent = Int.min
    }
  }

  /// `value × numerator / denominator`, exact when the result is a whole number that fits 2⁵³.
  func times(_ numerator: Int64, over denominator: Int64) -> Double {
    guard exponent != Int.min else { return fallback * Double(numerator) / Double(denominator) }
    var top = digits
    var bottom = denominator
    var overflow = false
    (top, overflow) = top.multipliedReportingOverflow(by: numerator)
    var e = exponent
    while !overflow && e > 0 {
      (top, overflow) = top.multipliedReportingOverflow(by: 10)
      e -= 1
    }
    while !overflow && e < 0 {
      (bottom, overflow) = bottom.multipliedReportingOverflow(by: 10)
      e += 1
    }
    guard !overflow else { return fallback * Double(numerator) / Double(denominator) }
    let sign: Double = negative ? -1 : 1
    if top % bottom == 0 { return sign * Double(top / bottom) }
    return sign * (Double(top) / Double(bottom))
  }
}
