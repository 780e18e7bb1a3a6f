/// Python's `json.dump` writes `NaN`, `Infinity` and `-Infinity` for non-finite floats (vLLM's benchmark
/// does, e.g. for the mean of an empty list), which strict JSON does not allow. This turns each such bare
/// token (outside strings) into `null`: an absent figure.
enum PythonJSON {
  static func strictBytes(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var inString = false
    var i = 0
    let null = Array("null".utf8)
    func token(_ word: String, at j: Int) -> Bool {
      let w = Array(word.utf8)
      guard j + w.count <= bytes.count, Array(bytes[j..<j + w.count]) == w else { return false }
      let after = j + w.count
      return after == bytes.count || !(bytes[after].isLetterOrDigit)
    }
    while i < bytes.count {
      let c = bytes[i]
      if inString {
        out.append(c)
        if c == 0x5C, i + 1 < bytes.count {  // an escape: copy the next byte as it is
          out.append(bytes[i + 1])
          i += 2
          continue
        }
        if c == 0x22 { inString = false }
        i += 1
        continue
      }
      if c == 0x22 {
        inString = true
      } else if c == 0x4E, token("NaN", at: i) {
        out += null
        i += 3
        continue
      } else if c == 0x49, token("Infinity", at: i) {
        out += null
        i += 8
        continue
      } else if c == 0x2D, token("-Infinity", at: i) {
        out += null
        i += 9
        continue
      }
      out.append(c)
      i += 1
    }
    return out
  }
}

extension UInt8 {
  fileprivate var isLetterOrDigit: Bool {
    (self >= 0x30 && self <= 0x39) || (self | 0x20 >= 0x61 && self | 0x20 <= 0x7A) || self == 0x5F
  }
}
