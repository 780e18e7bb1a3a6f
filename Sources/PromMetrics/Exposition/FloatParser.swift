/// Reads the float forms Prometheus accepts (Go's `strconv.ParseFloat`): decimal and exponent forms, `NaN`,
/// `Inf`/`+Inf`/`-Inf`/`Infinity` in any case, from bytes, without building a `String` in the common case.
enum FloatParser {
  /// Exact powers of ten (10^0 … 10^22 are exact in binary64).
  private static let powersOfTen: [Double] = (0...22).reduce(into: [Double]()) { out, i in
    out.append(i == 0 ? 1 : out[i - 1] * 10)
  }

  /// Parses `text`; nil when it is not a number.
  static func parse(_ text: String) -> Double? {
    var t = text
    return t.withUTF8 { parse($0, 0, $0.count) }
  }

  /// Parses `bytes[start..<end]`; nil when it is not a number.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
    guard start < end else { return nil }
    var i = start
    var negative = false
    if bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
      negative = bytes[i] == UInt8(ascii: "-")
      i += 1
    }
    guard i < end else { return nil }
    let first = bytes[i] | 0x20
    if first == UInt8(ascii: "n") || first == UInt8(ascii: "i") {
      return special(bytes, i, end, negative)
    }
    // Fast path (Clinger): ≤ 15 significant digits and a small power of ten give a correctly rounded result.
    var mantissa: UInt64 = 0
    var digits = 0
    var sawDigit = false
    var fractionDigits = 0
    var sawPoint = false
    while i < end {
      let c = bytes[i]
      if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
        sawDigit = true
        if mantissa == 0 && c == UInt8(ascii: "0") {
          if sawPoint { fractionDigits += 1 }
        } else {
          digits += 1
          if digits > 15 { return slow(bytes, start, end) }
          mantissa = mantissa * 10 + UInt64(c - UInt8(ascii: "0"))
          if sawPoint { fractionDigits += 1 }
        }
      } else if c == UInt8(ascii: ".") && !sawPoint {
        sawPoint = true
      } else if c | 0x20 == UInt8(ascii: "x") {
        return slow(bytes, start, end)  // hexadecimal (`0x1p-3`), which Go accepts too
      } else {
        break
      }
      i += 1
    }
    guard sawDigit else { return nil }
    var exponent = 0
    if i < end {
      guard bytes[i] | 0x20 == UInt8(ascii: "e") else { return nil }
      i += 1
      var expNegative = false
      if i < end && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) {
        expNegative = bytes[i] == UInt8(ascii: "-")
        i += 1
      }
      guard i < end else { return nil }
      while i < end {
        let c = bytes[i]
        guard c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") else { return nil }
        if exponent < 10_000 { exponent = exponent * 10 + Int(c - UInt8(ascii: "0")) }
        i += 1
      }
      if expNegative { exponent = -exponent }
    }
    let e10 = exponent - fractionDigits
    var value: Double
    if mantissa == 0 {
      value = 0
    } else if e10 >= 0 && e10 <= 22 {
      value = Double(mantissa) * powersOfTen[e10]
    } else if e10 < 0 && e10 >= -22 {
      value = Double(mantissa) / powersOfTen[-e10]
    } else {
      return slow(bytes, start, end)
    }
    if negative { value = -value }
    return value
  }

  private static func special(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int, _ negative: Bool) -> Double? {
    var word = ""
    for j in i..<end { word.unicodeScalars.append(Unicode.Scalar(bytes[j] | 0x20)) }
    switch word {
    case "nan": return .nan
    case "inf", "infinity": return negative ? -.infinity : .infinity
    default: return nil
    }
  }

  /// Long mantissas or large exponents: the standard library's correctly rounded conversion.
  private static func slow(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
    Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
  }
}
