/// Line-level helpers over a file's bytes: finding where a table starts behind tool chatter.
enum TextLines {
  /// The byte offset and 1-based number of the first line (within the first `limit` lines) for which
  /// `matches` holds, given the line's text without its line end.
  static func firstLine(
    in bytes: [UInt8], limit: Int = 200, where matches: (String) -> Bool
  ) -> (offset: Int, line: Int)? {
    var start = 0
    var line = 1
    while start < bytes.count && line <= limit {
      var end = start
      while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
      var stop = end
      if stop > start && bytes[stop - 1] == UInt8(ascii: "\r") { stop -= 1 }
      var from = start
      if line == 1 && stop - start >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { from += 3 }
      if matches(String(decoding: bytes[from..<stop], as: UTF8.self)) { return (from, line) }
      start = end + 1
      line += 1
    }
    return nil
  }

  /// Every line of `bytes` from `offset` with its 1-based number, line ends (`\n`, `\r\n`) removed.
  static func lines(_ bytes: [UInt8], from offset: Int, firstLine: Int) -> [(line: Int, text: String)] {
    var out: [(Int, String)] = []
    var start = offset
    var line = firstLine
    while start < bytes.count {
      var end = start
      while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
      var stop = end
      if stop > start && bytes[stop - 1] == UInt8(ascii: "\r") { stop -= 1 }
      out.append((line, String(decoding: bytes[start..<stop], as: UTF8.self)))
      start = end + 1
      line += 1
    }
    return out
  }

  /// The byte offset where the block starting at `offset` ends: the first later line that is blank or starts
  /// another report of an `nsys stats` bundle (`Processing [`, ` ** `); the end of `bytes` otherwise.
  static func blockEnd(_ bytes: [UInt8], from offset: Int) -> Int {
    var start = offset
    var first = true
    while start < bytes.count {
      var end = start
      while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
      if !first {
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        let t = text.trimmingSpaces
        if t.isEmpty || t == "\r" || t.hasPrefix("Processing [") || t.hasPrefix("** ") { return start }
      }
      first = false
      start = end + 1
    }
    return bytes.count
  }
}
