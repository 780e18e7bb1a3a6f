#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A forward-only reader over a span of bytes: literals, integers and decimals without
/// allocating. Every read either succeeds and advances, or fails and leaves the position alone.
struct ByteCursor {
  let base: UnsafePointer<UInt8>
  var position: Int
  let end: Int

  init(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) {
    self.base = base
    position = start
    self.end = end
  }

  var isAtEnd: Bool { position >= end }
  var remaining: Int { end - position }

  @inline(__always)
  func peek(_ offset: Int = 0) -> UInt8? {
    let p = position + offset
    return p < end ? base[p] : nil
  }

  /// Whether the bytes at the position equal `literal`.
  @inline(__always)
  func hasPrefix(_ literal: StaticString) -> Bool {
    let n = literal.utf8CodeUnitCount
    guard remaining >= n else { return false }
    return memcmp(base + position, literal.utf8Start, n) == 0
  }

  /// Consumes `literal` if it is next.
  @inline(__always)
  mutating func consume(_ literal: StaticString) -> Bool {
    guard hasPrefix(literal) else { return false }
    position += literal.utf8CodeUnitCount
    return true
  }

  /// Consumes one byte if it equals `byte`.
  @inline(__always)
  mutating func consume(byte: UInt8) -> Bool {
    guard position < end, base[position] == byte else { return false }
    position += 1
    return true
  }

  mutating func skipSpaces() {
    while position < end, base[position] == 0x20 { position += 1 }
  }

  /// Reads an unsigned integer (at most 18 digits).
  @inline(__always)
  mutating func unsigned() -> Int? {
    var p = position
    var v = 0
    while p < end, p - position < 18 {
      let d = base[p] &- 0x30
      if d > 9 { break }
      v = v &* 10 &+ Int(d)
      p += 1
    }
    guard p > position else { return nil }
    if p < end, base[p] &- 0x30 <= 9 { return nil }  // more than 18 digits
    position = p
    return v
  }

  /// Reads an unsigned integer printed with thousands separators (`5,863,776`).
  mutating func groupedUnsigned() -> Int? {
    let start = position
    guard var v = unsigned() else { return nil }
    while position + 3 < end || position + 3 == end {
      guard peek() == 0x2C, let d0 = peek(1), let d1 = peek(2), let d2 = peek(3),
        d0 &- 0x30 <= 9, d1 &- 0x30 <= 9, d2 &- 0x30 <= 9
      else { break }
      if let d3 = peek(4), d3 &- 0x30 <= 9 { break }
      v = v &* 1000 &+ Int(d0 - 0x30) * 100 + Int(d1 - 0x30) * 10 + Int(d2 - 0x30)
      position += 4
      if position - start > 30 { return nil }
    }
    return v
  }

  /// Reads a non-negative decimal `123`, `123.4`, `123.45` as hundredths (`12345`).
  /// More than two decimals are truncated.
  @inline(__always)
  mutating func centi() -> Int? {
    let save = position
    guard let whole = unsigned() else { return nil }
    var frac = 0
    if position < end, base[position] == 0x2E {
      position += 1
      var digits = 0
      while position < end, base[position] &- 0x30 <= 9 {
        if digits < 2 { frac = frac * 10 + Int(base[position] - 0x30) }
        digits += 1
        position += 1
      }
      if digits == 0 {
        position = save
        return nil
      }
      if digits == 1 { frac *= 10 }
    }
    return whole &* 100 &+ frac
  }

  /// Reads a finite decimal number: optional sign, digits, optional fraction and exponent. `nan`, `inf`
  /// and numbers too large for a `Double` are not read (vLLM prints none; damaged input can).
  mutating func decimal() -> Double? {
    let save = position
    var negative = false
    if consume(byte: 0x2D) {
      negative = true
    } else {
      _ = consume(byte: 0x2B)
    }
    var mantissa: Double = 0
    var sawDigit = false
    while position < end, base[position] &- 0x30 <= 9 {
      mantissa = mantissa * 10 + Double(base[position] - 0x30)
      sawDigit = true
      position += 1
    }
    var scale: Double = 1
    if position < end, base[position] == 0x2E {
      position += 1
      while position < end, base[position] &- 0x30 <= 9 {
        mantissa = mantissa * 10 + Double(base[position] - 0x30)
        scale *= 10
        sawDigit = true
        position += 1
      }
    }
    guard sawDigit else {
      position = save
      return nil
    }
    var value = mantissa / scale
    if position < end, base[position] | 0x20 == 0x65 {  // e / E
      let expStart = position
      position += 1
      var expNegative = false
      if consume(byte: 0x2D) { expNegative = true } else { _ = consume(byte: 0x2B) }
      if let e = unsigned(), e < 400 {
        value *= pow10(expNegative ? -e : e)
      } else {
        position = expStart
      }
    }
    guard value.isFinite else {
      position = save
      return nil
    }
    return negative ? -value : value
  }

  /// Advances to the first occurrence of `byte`; returns false (and stays) when absent.
  mutating func seek(byte: UInt8) -> Bool {
    guard position < end, let p = memchr(base + position, Int32(byte), end - position) else {
      return false
    }
    position = UnsafePointer<UInt8>(p.assumingMemoryBound(to: UInt8.self)) - base
    return true
  }

  /// Advances past the first occurrence of `literal`; returns false (and stays) when absent.
  mutating func seek(past literal: StaticString) -> Bool {
    guard let at = ByteSearch.find(literal, in: base, from: position, to: end) else { return false }
    position = at + literal.utf8CodeUnitCount
    return true
  }
}

private func pow10(_ e: Int) -> Double {
  var r = 1.0
  var b = 10.0
  var n = abs(e)
  while n > 0 {
    if n & 1 == 1 { r *= b }
    b *= b
    n >>= 1
  }
  return e < 0 ? 1 / r : r
}

/// Substring search over raw bytes (`memmem` is not exported by Glibc's module).
enum ByteSearch {
  /// The offset of the first occurrence of `literal` in `base[from..<to]`.
  static func find(_ literal: StaticString, in base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
    find(literal.utf8Start, literal.utf8CodeUnitCount, in: base, from: from, to: to)
  }

  static func find(
    _ needle: UnsafePointer<UInt8>, _ n: Int, in base: UnsafePointer<UInt8>, from: Int, to: Int
  ) -> Int? {
    guard n > 0, to - from >= n else { return n == 0 ? from : nil }
    let first = Int32(needle[0])
    var p = from
    let last = to - n
    while p <= last {
      guard let hit = memchr(base + p, first, last - p + 1) else { return nil }
      let at = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
      if memcmp(base + at, needle, n) == 0 { return at }
      p = at + 1
    }
    return nil
  }
}
