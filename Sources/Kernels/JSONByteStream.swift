/// A pull tokenizer over a JSON byte stream with a fixed-size window: it never holds more than the window
/// (1 MiB, grown only for a single token longer than that), so a trace of any size reads in bounded memory.
final class JSONByteStream {
  private var buffer: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private var position = 0
  private var end = 0
  private var atEOF = false
  private let source: TraceByteSource
  /// Bytes already dropped from the window's front.
  private var dropped = 0

  /// Bytes consumed so far (for messages and the benchmark).
  var offset: Int { dropped + position }

  init(_ source: TraceByteSource, window: Int = 1 << 20) {
    self.source = source
    capacity = window
    buffer = .allocate(capacity: window)
  }

  deinit { buffer.deallocate() }

  /// Makes at least `count` bytes available from `position` unless the input ends first; false at the end.
  private func ensure(_ count: Int) throws -> Bool {
    if end - position >= count { return true }
    if atEOF { return false }
    if position > 0 {
      let live = end - position
      if live > 0 { buffer.update(from: buffer + position, count: live) }
      dropped += position
      end = live
      position = 0
    }
    if count > capacity {
      let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: max(count, capacity * 2))
      grown.update(from: buffer, count: end)
      buffer.deallocate()
      buffer = grown
      capacity = max(count, capacity * 2)
    }
    while end - position < count && !atEOF {
      let n = try source.read(into: buffer + end, capacity: capacity - end)
      if n == 0 { atEOF = true } else { end += n }
    }
    return end - position >= count
  }

  func error(_ what: String) -> KernelInputError { KernelInputError("byte \(offset): \(what)") }

  /// The next byte that is not white space, not consumed; nil at the end.
  func peek() throws -> UInt8? {
    while true {
      while position < end {
        let b = buffer[position]
        if b != 0x20 && b != 0x0A && b != 0x0D && b != 0x09 { return b }
        position += 1
      }
      guard try ensure(1) else { return nil }
    }
  }

  /// Consumes the next non-space byte, which must be `byte`.
  func expect(_ byte: UInt8) throws {
    guard let b = try peek() else { throw error("unexpected end, expected '\(Character(Unicode.Scalar(byte)))'") }
    guard b == byte else {
      throw error("expected '\(Character(Unicode.Scalar(byte)))', found '\(Character(Unicode.Scalar(b)))'")
    }
    position += 1
  }

  /// Consumes `byte` if it is next; says whether it was.
  func take(_ byte: UInt8) throws -> Bool {
    guard try peek() == byte else { return false }
    position += 1
    return true
  }

  /// Reads a string (the opening quote next) into `out`, decoding escapes to UTF-8.
  func string(into out: inout [UInt8]) throws {
    out.removeAll(keepingCapacity: true)
    try expect(UInt8(ascii: "\""))
    while true {
      var i = position
      while i < end {
        let b = buffer[i]
        if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { break }
        i += 1
      }
      if i > position { out.append(contentsOf: UnsafeBufferPointer(start: buffer + position, count: i - position)) }
      position = i
      guard try ensure(1) else { throw error("unterminated string") }
      let b = buffer[position]
      if b == UInt8(ascii: "\"") {
        position += 1
        return
      }
      if b == UInt8(ascii: "\\") {
        guard try ensure(2) else { throw error("unterminated escape") }
        let e = buffer[position + 1]
        position += 2
        switch e {
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "u"):
          var scalar = try hex4()
          if scalar >= 0xD800 && scalar < 0xDC00, try ensure(6), buffer[position] == UInt8(ascii: "\\"),
            buffer[position + 1] == UInt8(ascii: "u")
          {
            position += 2
            let low = try hex4()
            if low >= 0xDC00 && low < 0xE000 { scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00) }
          }
          let s = Unicode.Scalar(scalar) ?? "\u{FFFD}"
          out.append(contentsOf: Array(String(Character(s)).utf8))
        default: out.append(e)
        }
      }
    }
  }

  private func hex4() throws -> UInt32 {
    guard try ensure(4) else { throw error("short \\u escape") }
    var v: UInt32 = 0
    for k in 0..<4 {
      let c = buffer[position + k]
      let d: UInt32
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
      default: throw error("bad \\u escape")
      }
      v = v << 4 | d
    }
    position += 4
    return v
  }

  /// Reads a number; digits past the 18th only move the exponent.
  func number() throws -> JSONNumber {
    _ = try peek()
    var n = JSONNumber()
    var significant = 0
    var any = false
    func byte() throws -> UInt8? { try ensure(1) ? buffer[position] : nil }
    if try byte() == UInt8(ascii: "-") {
      n.negative = true
      position += 1
    }
    var fraction = false
    while let b = try byte() {
      if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
        any = true
        if significant < 18 {
          if n.digits != 0 || b != UInt8(ascii: "0") { significant += 1 }
          n.digits = n.digits * 10 + Int64(b - UInt8(ascii: "0"))
          if fraction { n.exponent -= 1 }
        } else if !fraction {
          n.exponent += 1
        }
        position += 1
      } else if b == UInt8(ascii: ".") && !fraction {
        fraction = true
        position += 1
      } else {
        break
      }
    }
    guard any else { throw error("expected a value") }
    if let b = try byte(), b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
      position += 1
      var negative = false
      if let s = try byte(), s == UInt8(ascii: "-") || s == UInt8(ascii: "+") {
        negative = s == UInt8(ascii: "-")
        position += 1
      }
      var e = 0
      while let d = try byte(), d >= UInt8(ascii: "0") && d <= UInt8(ascii: "9") {
        if e < 10_000 { e = e * 10 + Int(d - UInt8(ascii: "0")) }
        position += 1
      }
      n.exponent += negative ? -e : e
    }
    return n
  }

  /// Skips one value of any kind (nested objects and arrays included) without building it.
  func skipValue() throws {
    guard let first = try peek() else { throw error("unexpected end, expected a value") }
    switch first {
    case UInt8(ascii: "\""):
      position += 1
      try skipStringBody()
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      var depth = 0
      while true {
        // Scan the window without a refill check per byte; refill only when it runs out.
        while position < end {
          let b = buffer[position]
          position += 1
          switch b {
          case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
          case UInt8(ascii: "}"), UInt8(ascii: "]"):
            depth -= 1
            if depth == 0 { return }
          case UInt8(ascii: "\""): try skipStringBody()
          default: break
          }
        }
        guard try ensure(1) else { throw error("unterminated object or array") }
      }
    case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
      while try ensure(1), buffer[position] >= UInt8(ascii: "a"), buffer[position] <= UInt8(ascii: "z") {
        position += 1
      }
    default:
      _ = try number()
    }
  }

  /// Skips a string's bytes after its opening quote, through the closing one.
  private func skipStringBody() throws {
    while true {
      while position < end {
        let b = buffer[position]
        if b == UInt8(ascii: "\"") {
          position += 1
          return
        }
        if b == UInt8(ascii: "\\") {
          guard try ensure(2) else { throw error("unterminated escape") }
          position += 2
        } else {
          position += 1
        }
      }
      guard try ensure(1) else { throw error("unterminated string") }
    }
  }
}
