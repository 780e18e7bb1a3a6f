/// One line of vLLM's opt-in JSON logging (v0.32+, `--logging-config.formatter json`; spec §0.1):
/// a python-json-logger object with `asctime`, `levelname`, `name`, `processName`, `process` and
/// `message`, e.g. `{"asctime": "2026-02-01 13:22:00,123", "levelname": "INFO", …, "message": "…"}`.
///
/// Only flat objects of strings and numbers are read (what the formatter writes); anything else is
/// not a JSON log line. The reader turns each line of the message back into the text form it would
/// have had, so every recogniser works on JSON logs unchanged.
struct JSONLogLine {
  var level: [UInt8] = []
  /// `MM-DD HH:MM:SS` from `asctime`.
  var timestamp: [UInt8] = []
  var processName: [UInt8] = []
  var process: [UInt8] = []
  var message: [UInt8] = []

  /// Parses `b[start..<end]`; nil when it is not a JSON log line with a level, a time and a message.
  static func parse(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> JSONLogLine? {
    var i = start
    func skipSpace() { while i < end, b[i] == 0x20 || b[i] == 0x09 { i += 1 } }
    guard i < end, b[i] == 0x7B else { return nil }  // {
    i += 1
    var line = JSONLogLine()
    var sawMessage = false
    while true {
      skipSpace()
      guard i < end else { return nil }
      if b[i] == 0x7D { break }  // }
      guard let key = string(b, &i, end) else { return nil }
      skipSpace()
      guard i < end, b[i] == 0x3A else { return nil }  // :
      i += 1
      skipSpace()
      guard i < end else { return nil }
      var value: [UInt8]
      if b[i] == 0x22 {
        guard let s = string(b, &i, end) else { return nil }
        value = s
      } else {
        // A number, true, false or null: kept as its text (nested values are not a log line's).
        guard b[i] == 0x2D || b[i] &- 0x30 <= 9 || b[i] == 0x74 || b[i] == 0x66 || b[i] == 0x6E else { return nil }
        let from = i
        while i < end, b[i] != 0x2C, b[i] != 0x7D, b[i] != 0x20 { i += 1 }
        value = Array(UnsafeBufferPointer(start: b + from, count: i - from))
      }
      switch key {
      case Array("levelname".utf8): line.level = value
      case Array("asctime".utf8): line.timestamp = shortTimestamp(value)
      case Array("processName".utf8): line.processName = value
      case Array("process".utf8): line.process = value
      case Array("message".utf8):
        line.message = value
        sawMessage = true
      default: break
      }
      skipSpace()
      guard i < end else { return nil }
      if b[i] == 0x2C {
        i += 1
      } else if b[i] != 0x7D {
        return nil
      }
    }
    guard sawMessage, !line.level.isEmpty, line.timestamp.count == 14 else { return nil }
    return line
  }

  /// The text-form prefix of this record: `(Name pid=N) LEVEL MM-DD HH:MM:SS [json:0] `.
  var prefix: [UInt8] {
    var out: [UInt8] = []
    if !processName.isEmpty, !process.isEmpty, process.allSatisfy({ $0 &- 0x30 <= 9 }),
      !processName.contains(0x20), !processName.contains(0x28), !processName.contains(0x29)
    {
      out += [0x28] + processName + Array(" pid=".utf8) + process + Array(") ".utf8)
    }
    out += level + [0x20] + timestamp + Array(" [json:0] ".utf8)
    return out
  }

  /// `YYYY-MM-DD HH:MM:SS,mmm` → `MM-DD HH:MM:SS` (empty when it is not that form).
  private static func shortTimestamp(_ v: [UInt8]) -> [UInt8] {
    guard v.count >= 19, v[4] == 0x2D, v[7] == 0x2D, v[10] == 0x20 || v[10] == 0x54, v[13] == 0x3A,
      v[16] == 0x3A
    else { return [] }
    return Array(v[5..<10]) + [0x20] + Array(v[11..<19])
  }

  /// Reads a JSON string at `i` (which is at its opening quote), unescaping it to UTF-8.
  private static func string(_ b: UnsafePointer<UInt8>, _ i: inout Int, _ end: Int) -> [UInt8]? {
    guard i < end, b[i] == 0x22 else { return nil }
    i += 1
    var out: [UInt8] = []
    while i < end {
      let c = b[i]
      if c == 0x22 {
        i += 1
        return out
      }
      guard c == 0x5C else {
        out.append(c)
        i += 1
        continue
      }
      guard i + 1 < end else { return nil }
      let e = b[i + 1]
      i += 2
      switch e {
      case 0x22, 0x5C, 0x2F: out.append(e)
      case 0x6E: out.append(0x0A)  // n
      case 0x72: out.append(0x0D)  // r
      case 0x74: out.append(0x09)  // t
      case 0x62: out.append(0x08)  // b
      case 0x66: out.append(0x0C)  // f
      case 0x75:  // u
        guard var scalar = hex4(b, i, end) else { return nil }
        i += 4
        if (0xD800..<0xDC00).contains(scalar), i + 6 <= end, b[i] == 0x5C, b[i + 1] == 0x75,
          let low = hex4(b, i + 2, end), (0xDC00..<0xE000).contains(low)
        {
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          i += 6
        }
        out += Array(String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8)
      default: return nil
      }
    }
    return nil
  }

  private static func hex4(_ b: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> UInt32? {
    guard i + 4 <= end else { return nil }
    var v: UInt32 = 0
    for k in 0..<4 {
      let c = b[i + k]
      let d: UInt32
      switch c {
      case 0x30...0x39: d = UInt32(c - 0x30)
      case 0x61...0x66: d = UInt32(c - 0x61 + 10)
      case 0x41...0x46: d = UInt32(c - 0x41 + 10)
      default: return nil
      }
      v = v << 4 | d
    }
    return v
  }
}
