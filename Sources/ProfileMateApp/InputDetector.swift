import Foundation

/// Decides by content what an input is: pure classification of an ``InputSample`` (see
/// ``InputDetector+Probe`` for reading one from a path).
///
/// Recognisers are tried in order; the first that claims the sample wins. A text that nothing else claims is a
/// text log (the log reader then says whether any line is a vLLM one); binary data, or a JSON document of no
/// known kind, is nothing.
public enum InputDetector {
  /// One recogniser: the kind it names and whether it claims a sample.
  public struct Recognizer: Sendable {
    /// The kind recognised.
    public let kind: InputKind
    /// Whether the sample is of ``kind``.
    public let claims: @Sendable (InputSample) -> Bool
  }

  /// The recognisers, in the order they are tried.
  public static let recognizers: [Recognizer] = [
    Recognizer(kind: .recording) { s in s.entries.map { $0.contains("index.tsv") } ?? (firstLine(s.head) == indexHeader)
    },
    Recognizer(kind: .runDirectory) { s in s.entries != nil },
    Recognizer(kind: .jsonLog) { s in leadingLines(s.head).contains(where: isJSONLogLine) },
    Recognizer(kind: .savedReport) { s in
      guard let o = document(s) else { return leadsWithBrace(s.head) && contains(s.head, "\"schema_version\"") }
      guard o["schema_version"] != nil else { return false }
      guard let generator = o["generator"] else { return true }
      return (generator as? [String: Any])?["name"] as? String == "profilemate"
    },
    Recognizer(kind: .benchJSON) { s in
      guard let o = document(s) else { return false }
      return o["completed"] != nil && (o["request_throughput"] != nil || o["duration"] != nil)
    },
    Recognizer(kind: .benchText) { s in contains(s.head, benchBanner) },
    Recognizer(kind: .scrape) { s in isExposition(s.head) },
    Recognizer(kind: .textLog) { s in !leadsWithBrace(s.head) && !s.head.contains(0) },
  ]

  /// The kind of `sample`, or nil when no recogniser claims it.
  public static func classify(_ sample: InputSample) -> InputKind? {
    recognizers.first { $0.claims(sample) }?.kind
  }

  /// The header line of a recording's index.tsv.
  static let indexHeader = "seq\tutc\tepoch_ms\tfile\thttp_code"
  /// The banner of `vllm bench serve`'s text summary.
  static let benchBanner = "============ Serving Benchmark Result ============"

  /// The first non-blank line of `head`, without its line ending.
  static func firstLine(_ head: [UInt8]) -> String {
    var start = 0
    while start < head.count, head[start] == 0x0A || head[start] == 0x0D || head[start] == 0x20 || head[start] == 0x09 {
      start += 1
    }
    let end = head[start...].firstIndex(of: 0x0A) ?? head.count
    var line = head[start..<end]
    if line.last == 0x0D { line = line.dropLast() }
    return String(decoding: line, as: UTF8.self)
  }

  /// Lines examined for a JSON log line: a server prints a few plain lines (a Triton notice) before logging
  /// starts.
  static let leadingLineCount = 16

  /// The first ``leadingLineCount`` non-blank lines of `head`, without the last one when the sample is cut in it.
  static func leadingLines(_ head: [UInt8]) -> [String] {
    var lines: [String] = []
    var start = 0
    while start < head.count, lines.count < leadingLineCount {
      guard let end = head[start...].firstIndex(of: 0x0A) else {
        lines.append(String(decoding: head[start...], as: UTF8.self))
        break
      }
      var line = head[start..<end]
      if line.last == 0x0D { line = line.dropLast() }
      if line.contains(where: { $0 != 0x20 && $0 != 0x09 }) { lines.append(String(decoding: line, as: UTF8.self)) }
      start = end + 1
    }
    return lines
  }

  /// Whether the first non-space byte is `{`.
  static func leadsWithBrace(_ head: [UInt8]) -> Bool {
    head.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D } == UInt8(ascii: "{")
  }

  static func contains(_ head: [UInt8], _ text: String) -> Bool {
    let needle = Array(text.utf8)
    guard !needle.isEmpty, head.count >= needle.count else { return false }
    let first = needle[0]
    var i = 0
    while i <= head.count - needle.count {
      if head[i] == first && head[i..<(i + needle.count)].elementsEqual(needle) { return true }
      i += 1
    }
    return false
  }

  /// A line of vLLM's JSON log formatter: a flat JSON object with a `message` and a `levelname`.
  static func isJSONLogLine(_ line: String) -> Bool {
    guard line.hasPrefix("{"), line.hasSuffix("}"),
      let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
    else { return false }
    return o["message"] is String && o["levelname"] is String
      && o.values.allSatisfy { !($0 is [Any]) && !($0 is [String: Any]) }
  }

  /// The whole sample parsed as one JSON object, when it is complete and is one.
  static func document(_ s: InputSample) -> [String: Any]? {
    guard s.entries == nil, s.complete, leadsWithBrace(s.head) else { return nil }
    return (try? JSONSerialization.jsonObject(with: Data(s.head))) as? [String: Any]
  }

  /// Whether the first non-blank line is Prometheus text: a `# HELP` / `# TYPE` comment or a sample
  /// (`name{labels} value`).
  static func isExposition(_ head: [UInt8]) -> Bool {
    let line = firstLine(head)
    if line.hasPrefix("# HELP ") || line.hasPrefix("# TYPE ") || line.hasPrefix("# UNIT ") { return true }
    return isSample(line)
  }

  /// `name`, optional `{…}`, white space, a number (and optionally a timestamp).
  static func isSample(_ line: String) -> Bool {
    let bytes = Array(line.utf8)
    func nameByte(_ b: UInt8, first: Bool) -> Bool {
      (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x3A
        || (!first && b >= 0x30 && b <= 0x39)
    }
    var i = 0
    while i < bytes.count, nameByte(bytes[i], first: i == 0) { i += 1 }
    guard i > 0 else { return false }
    if i < bytes.count, bytes[i] == UInt8(ascii: "{") {
      guard let close = bytes[i...].lastIndex(of: UInt8(ascii: "}")) else { return false }
      i = close + 1
    }
    guard i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 else { return false }
    let fields = String(decoding: bytes[i...], as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\t" })
    guard let value = fields.first, fields.count <= 2 else { return false }
    return Double(value) != nil || ["+Inf", "-Inf", "NaN"].contains(value)
  }
}
