/// Parses the Prometheus text exposition format 0.0.4 and OpenMetrics 1.0 text from bytes.
///
/// Handles `# HELP` / `# TYPE` / `# UNIT`, other comments, blank lines, label escapes (`\\`, `\"`, `\n`),
/// `NaN` / `+Inf` / `-Inf`, optional timestamps, exemplars (skipped), `# EOF`, CRLF line ends. Samples join
/// the family they belong to by name and suffix (`_bucket`, `_count`, `_sum`, `_total`, `_created`, …).
/// A malformed line becomes a ``ParseIssue`` with its line number and is skipped; the rest still parses.
/// Works on bytes only: no `Regex`, no splitting into `String`s.
public enum ExpositionParser {
  /// Parses exposition text held in memory.
  public static func parse(_ bytes: [UInt8]) -> Exposition {
    bytes.withUnsafeBufferPointer { parse($0) }
  }

  /// Parses exposition text.
  public static func parse(_ text: String) -> Exposition {
    var t = text
    return t.withUTF8 { parse($0) }
  }

  /// Parses exposition bytes.
  public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Exposition {
    var state = ParserState(bytes, template: nil, keepsLayout: false)
    state.run()
    return state.finish()
  }

  /// Parses a scrape of a server whose previous scrape left `layout`, and leaves this one's layout there.
  ///
  /// While the lines match the previous scrape's — the same comments, and sample lines that differ only after
  /// the series (name and labels), as the scrapes of a steady server do — each sample reuses the previous
  /// one's name, labels and family and only its value is read. The first line that differs ends the reuse;
  /// the rest is parsed afresh. The result is the same as ``parse(_:)-([UInt8])``'s; when every line matched,
  /// it carries the previous scrape's ``Exposition/layoutID``, so analyses can reuse their own layouts too.
  public static func parse(_ bytes: [UInt8], layout: inout ExpositionLayout?) -> Exposition {
    let previous = layout
    let (exposition, lines) = bytes.withUnsafeBufferPointer { b in
      func go(_ template: Template?) -> (Exposition, [LineLayout]) {
        var state = ParserState(b, template: template, keepsLayout: true)
        state.run()
        var e = state.finish()
        e.layoutID =
          state.reusing && state.lineNumber == template?.lines.count
          ? previous?.id ?? e.layoutID : e.layoutID
        return (e, state.layout)
      }
      guard let previous else { return go(nil) }
      return previous.bytes.withUnsafeBufferPointer { go(Template(bytes: $0, lines: previous.lines)) }
    }
    layout = ExpositionLayout(bytes: bytes, lines: lines, id: exposition.layoutID)
    return exposition
  }
}

/// The layout of a parsed scrape — its bytes and what each line was — from which
/// ``ExpositionParser/parse(_:layout:)`` parses the next scrape of the same server.
public struct ExpositionLayout: Sendable {
  let bytes: [UInt8]
  let lines: [LineLayout]
  /// The ``Exposition/layoutID`` of the scrape.
  public let id: UInt64
}

/// What a line of a parsed scrape was.
enum LineLayout: Sendable {
  /// A comment or blank line at `start..<end`: the next scrape's line must be the same bytes.
  case other(start: Int, end: Int)
  /// A sample whose series (name and labels) is written at `start..<seriesEnd`, its name at
  /// `start + nameOffset`, and where it went.
  case sample(
    start: Int, seriesEnd: Int, nameOffset: Int, name: String, labels: Labels, role: SampleRole, family: Int,
    newFamily: Bool)
  /// A malformed line (or one after `# EOF`): reuse stops there.
  case issue
}

/// The previous scrape's bytes and lines, during a parse.
private struct Template {
  let bytes: UnsafeBufferPointer<UInt8>
  let lines: [LineLayout]
}

private let space = UInt8(ascii: " ")
private let tab = UInt8(ascii: "\t")
private let newline = UInt8(ascii: "\n")
private let hash = UInt8(ascii: "#")
private let quote = UInt8(ascii: "\"")
private let backslash = UInt8(ascii: "\\")

private struct LineError: Error {
  var message: String
}

/// The mutable state of one parse.
private struct ParserState {
  let b: UnsafeBufferPointer<UInt8>
  var families: [MetricFamily] = []
  var byName: [String: Int] = [:]
  var issues: [ParseIssue] = []
  var current: Int?  // index of the family the last line touched
  var sawEOF = false
  var lineNumber = 0
  /// Families that already have samples (a later `# TYPE` for them is an error).
  var hasSamples: Set<Int> = []
  var typeDeclared: Set<Int> = []
  /// The previous sample's name (its bytes at `start..<end`) and the family and role it went to: the next
  /// sample of the same name reuses both while `current` is still that family (no comment line between).
  var lastSample: (start: Int, end: Int, name: String, index: Int, role: SampleRole)?
  /// The previous scrape's layout while this one's lines still match it; nil once one differs.
  let templateBytes: UnsafeBufferPointer<UInt8>
  let templateLines: [LineLayout]
  /// Whether every line so far matched the template's.
  var reusing: Bool
  /// This scrape's layout, line by line (only kept when parsing with a layout).
  var layout: [LineLayout] = []
  let keepsLayout: Bool

  init(_ b: UnsafeBufferPointer<UInt8>, template: Template?, keepsLayout: Bool) {
    self.b = b
    templateBytes = template?.bytes ?? UnsafeBufferPointer(start: nil, count: 0)
    templateLines = template?.lines ?? []
    reusing = template != nil
    self.keepsLayout = keepsLayout
  }

  mutating func run() {
    var start = 0
    let n = b.count
    while start < n {
      var end = start
      while end < n && b[end] != newline { end += 1 }
      lineNumber += 1
      var e = end
      if e > start && b[e - 1] == UInt8(ascii: "\r") { e -= 1 }
      let layoutCount = layout.count
      if sawEOF {
        if !isBlank(start, e) { issues.append(ParseIssue(line: lineNumber, message: "content after # EOF")) }
        reusing = false
      } else if reusing, reuse(start, e) {
        // Same series as the previous scrape's line: only the value was read.
      } else {
        reusing = false
        do { try line(start, e) } catch let error as LineError {
          issues.append(ParseIssue(line: lineNumber, message: error.message))
        } catch {}
      }
      if keepsLayout && layout.count == layoutCount { layout.append(.issue) }
      start = end + 1
    }
  }

  func isBlank(_ s: Int, _ e: Int) -> Bool {
    var i = s
    while i < e {
      if b[i] != space && b[i] != tab { return false }
      i += 1
    }
    return true
  }

  func skipBlanks(_ i: inout Int, _ e: Int) {
    while i < e && (b[i] == space || b[i] == tab) { i += 1 }
  }

  func string(_ s: Int, _ e: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: b[s..<e]), as: UTF8.self)
  }

  static func isNameStart(_ c: UInt8) -> Bool {
    (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == UInt8(ascii: "_") || c == UInt8(ascii: ":")
  }

  static func isNameChar(_ c: UInt8) -> Bool { isNameStart(c) || (c >= 0x30 && c <= 0x39) }

  /// Reads a metric name (`[a-zA-Z_:][a-zA-Z0-9_:]*`) at `i`; the end index.
  func metricNameEnd(_ i: Int, _ e: Int) -> Int {
    guard i < e, Self.isNameStart(b[i]) else { return i }
    var j = i + 1
    while j < e && Self.isNameChar(b[j]) { j += 1 }
    return j
  }

  /// Parses line `s..<e` through the previous scrape's same line, when they match: true when done (the line
  /// and its layout recorded), false when the line must be parsed afresh.
  mutating func reuse(_ s: Int, _ e: Int) -> Bool {
    guard lineNumber <= templateLines.count else { return false }
    switch templateLines[lineNumber - 1] {
    case .issue: return false
    case .other(let ts, let te):
      guard te - ts == e - s, same(s, templateBytes, ts, e - s) else { return false }
      do { try line(s, e) } catch { return false }  // cannot throw: it did not last time
      return true
    case .sample(let ts, let tse, let nameOffset, let name, let labels, let role, let index, let newFamily):
      let n = tse - ts
      guard e - s > n, b[s + n] == space || b[s + n] == tab, same(s, templateBytes, ts, n) else { return false }
      guard let (value, timestamp) = try? valueAndTimestamp(s + n, e, name: name) else { return false }
      if newFamily {
        guard family(named: name) == index else { return false }
      }
      guard index < families.count else { return false }
      families[index].samples.append(
        Sample(name: name, labels: labels, value: value, timestamp: timestamp, role: role, line: lineNumber))
      if lastSample?.index != index { hasSamples.insert(index) }
      current = index
      lastSample = (s + nameOffset, s + nameOffset + name.utf8.count, name, index, role)
      layout.append(
        .sample(
          start: s, seriesEnd: s + n, nameOffset: nameOffset, name: name, labels: labels, role: role, family: index,
          newFamily: newFamily))
      return true
    }
  }

  /// Whether `count` bytes at `s` equal those at `ts` of `other`.
  func same(_ s: Int, _ other: UnsafeBufferPointer<UInt8>, _ ts: Int, _ count: Int) -> Bool {
    guard count > 0, let p = b.baseAddress, let q = other.baseAddress else { return count <= 0 }
    let x = UnsafeRawPointer(p + s)
    let y = UnsafeRawPointer(q + ts)
    // Eight bytes at a time from the end (lines of one family differ in their last labels), then the rest.
    var k = count
    while k >= 8 {
      k -= 8
      if x.loadUnaligned(fromByteOffset: k, as: UInt64.self) != y.loadUnaligned(fromByteOffset: k, as: UInt64.self) {
        return false
      }
    }
    while k > 0 {
      k -= 1
      if x.load(fromByteOffset: k, as: UInt8.self) != y.load(fromByteOffset: k, as: UInt8.self) { return false }
    }
    return true
  }

  mutating func line(_ s: Int, _ e: Int) throws {
    var i = s
    skipBlanks(&i, e)
    if i == e {  // blank line
      if keepsLayout { layout.append(.other(start: s, end: e)) }
      return
    }
    if b[i] == hash {
      try comment(i + 1, e)
      if keepsLayout { layout.append(.other(start: s, end: e)) }
    } else {
      try sample(i, e, lineStart: s)
    }
  }

  // MARK: - Comments

  mutating func comment(_ s: Int, _ e: Int) throws {
    lastSample = nil
    var i = s
    skipBlanks(&i, e)
    let wordStart = i
    while i < e && b[i] != space && b[i] != tab { i += 1 }
    let word = string(wordStart, i)
    if word == "EOF" {
      if isBlank(i, e) { sawEOF = true }
      return
    }
    guard word == "HELP" || word == "TYPE" || word == "UNIT", i < e else { return }  // plain comment
    skipBlanks(&i, e)
    let nameEnd = metricNameEnd(i, e)
    guard nameEnd > i, nameEnd == e || b[nameEnd] == space || b[nameEnd] == tab else {
      throw LineError(message: "invalid metric name in # \(word)")
    }
    let name = string(i, nameEnd)
    var j = nameEnd
    skipBlanks(&j, e)
    let index = family(named: name)
    switch word {
    case "HELP":
      if families[index].help != nil {
        throw LineError(message: "second # HELP for \(name)")
      }
      families[index].help = unescapeHelp(j, e)
    case "TYPE":
      var k = e
      while k > j && (b[k - 1] == space || b[k - 1] == tab) { k -= 1 }
      let typeWord = string(j, k)
      guard let type = MetricType(word: typeWord) else {
        throw LineError(message: "unknown metric type \"\(typeWord)\" for \(name)")
      }
      if typeDeclared.contains(index) { throw LineError(message: "second # TYPE for \(name)") }
      if hasSamples.contains(index) { throw LineError(message: "# TYPE for \(name) after its samples") }
      families[index].type = type
      typeDeclared.insert(index)
    default:
      families[index].unit = string(j, e)
    }
    current = index
  }

  /// HELP text: `\\` and `\n` are escapes; anything else is kept as written.
  func unescapeHelp(_ s: Int, _ e: Int) -> String {
    var hasEscape = false
    for k in s..<e where b[k] == backslash { hasEscape = true }
    guard hasEscape else { return string(s, e) }
    var out: [UInt8] = []
    out.reserveCapacity(e - s)
    var k = s
    while k < e {
      if b[k] == backslash && k + 1 < e {
        switch b[k + 1] {
        case backslash: out.append(backslash)
        case UInt8(ascii: "n"): out.append(newline)
        case quote: out.append(quote)
        default: out.append(contentsOf: [backslash, b[k + 1]])
        }
        k += 2
      } else {
        out.append(b[k])
        k += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The index of the family declared as `name`, creating it (untyped) if new.
  mutating func family(named name: String) -> Int {
    if let i = byName[name] { return i }
    families.append(MetricFamily(name: name, line: lineNumber))
    byName[name] = families.count - 1
    return families.count - 1
  }

  // MARK: - Samples

  mutating func sample(_ s: Int, _ e: Int, lineStart: Int) throws {
    var i = s
    let nameEnd = metricNameEnd(i, e)
    guard nameEnd > i else { throw LineError(message: "expected a metric name") }
    let repeated = sameNameAsLast(i, nameEnd)
    let name = repeated ? lastSample!.name : string(i, nameEnd)
    i = nameEnd
    var labels: [Label] = []
    if i < e && b[i] == UInt8(ascii: "{") {
      labels = try labelSet(&i, e)
    }
    guard i < e, b[i] == space || b[i] == tab else {
      throw LineError(message: i < e ? "unexpected character after \(name)" : "missing value for \(name)")
    }
    let seriesEnd = i
    let (value, timestamp) = try valueAndTimestamp(i, e, name: name)
    let count = families.count
    let labelSet = Labels(labels)
    try assign(
      name: name, labels: labelSet, value: value, timestamp: timestamp, at: (s, nameEnd), repeated: repeated)
    if keepsLayout, let last = lastSample {
      layout.append(
        .sample(
          start: lineStart, seriesEnd: seriesEnd, nameOffset: s - lineStart, name: name, labels: labelSet,
          role: last.role, family: last.index, newFamily: families.count > count))
    }
  }

  /// Reads the value, the optional timestamp and an optional exemplar after the series, from `i` (a blank).
  func valueAndTimestamp(_ from: Int, _ e: Int, name: String) throws -> (Double, Double?) {
    var i = from
    skipBlanks(&i, e)
    let valueStart = i
    while i < e && b[i] != space && b[i] != tab { i += 1 }
    guard let value = FloatParser.parse(b, valueStart, i) else {
      throw LineError(message: "invalid value \"\(string(valueStart, i))\" for \(name)")
    }
    skipBlanks(&i, e)
    var timestamp: Double?
    if i < e && b[i] != hash {
      let tsStart = i
      while i < e && b[i] != space && b[i] != tab { i += 1 }
      guard let ts = FloatParser.parse(b, tsStart, i), ts.isFinite else {
        throw LineError(message: "invalid timestamp \"\(string(tsStart, i))\" for \(name)")
      }
      timestamp = ts
      skipBlanks(&i, e)
    }
    if i < e {
      // Only an exemplar (`# {labels} value [timestamp]`) may follow; it is skipped.
      guard b[i] == hash else { throw LineError(message: "unexpected text after the value of \(name)") }
      var k = i + 1
      skipBlanks(&k, e)
      guard k < e, b[k] == UInt8(ascii: "{") else { throw LineError(message: "malformed exemplar for \(name)") }
    }
    return (value, timestamp)
  }

  /// Reads `{name="value",…}` starting at the `{`; leaves `i` after the `}`.
  func labelSet(_ i: inout Int, _ e: Int) throws -> [Label] {
    var labels: [Label] = []
    labels.reserveCapacity(4)
    i += 1
    while true {
      skipBlanks(&i, e)
      guard i < e else { throw LineError(message: "unterminated label set") }
      if b[i] == UInt8(ascii: "}") {
        i += 1
        return labels
      }
      let nameStart = i
      guard Self.isNameStart(b[i]) && b[i] != UInt8(ascii: ":") else {
        throw LineError(message: "invalid label name")
      }
      i += 1
      while i < e && Self.isNameChar(b[i]) && b[i] != UInt8(ascii: ":") { i += 1 }
      let labelName = string(nameStart, i)
      skipBlanks(&i, e)
      guard i < e, b[i] == UInt8(ascii: "=") else { throw LineError(message: "expected = after label \(labelName)") }
      i += 1
      skipBlanks(&i, e)
      guard i < e, b[i] == quote else { throw LineError(message: "expected \" to open label \(labelName)'s value") }
      i += 1
      let value = try labelValue(&i, e)
      if labels.contains(where: { $0.name == labelName }) {
        throw LineError(message: "duplicate label \(labelName)")
      }
      labels.append(Label(labelName, value))
      skipBlanks(&i, e)
      guard i < e else { throw LineError(message: "unterminated label set") }
      if b[i] == UInt8(ascii: ",") {
        i += 1
      } else if b[i] != UInt8(ascii: "}") {
        throw LineError(message: "expected , or } after label \(labelName)")
      }
    }
  }

  /// Reads a label value after its opening quote; leaves `i` after the closing quote.
  func labelValue(_ i: inout Int, _ e: Int) throws -> String {
    let start = i
    var escaped = false
    while i < e && b[i] != quote {
      if b[i] == backslash {
        escaped = true
        i += 1
      }
      i += 1
    }
    guard i < e else { throw LineError(message: "unterminated label value") }
    let end = i
    i += 1
    guard escaped else { return string(start, end) }
    var out: [UInt8] = []
    out.reserveCapacity(end - start)
    var k = start
    while k < end {
      if b[k] == backslash {
        switch b[k + 1] {
        case backslash: out.append(backslash)
        case quote: out.append(quote)
        case UInt8(ascii: "n"): out.append(newline)
        default:
          throw LineError(message: "invalid escape sequence \\\(Character(Unicode.Scalar(b[k + 1]))) in label value")
        }
        k += 2
      } else {
        out.append(b[k])
        k += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  static let suffixes = ["_bucket", "_count", "_sum", "_total", "_created", "_gcount", "_gsum", "_info"]

  /// Puts a sample into its family: the current one when the name fits, else the declared family it fits,
  /// else a new untyped family.
  /// `span` is where the name is written; `repeated`, whether it is the previous sample's name.
  mutating func assign(
    name: String, labels: Labels, value: Double, timestamp: Double?, at span: (Int, Int), repeated: Bool
  ) throws {
    var target: (index: Int, role: SampleRole)?
    if repeated, let last = lastSample, last.index == current {
      // `current` is the family the same name went to: the lookup below would find it again.
      target = (last.index, last.role)
    } else if let c = current, let role = Self.role(of: name, in: families[c]) {
      target = (c, role)
    } else if let i = byName[name], let role = Self.role(of: name, in: families[i]) {
      target = (i, role)
    } else {
      for suffix in Self.suffixes where name.hasSuffix(suffix) {
        if let i = byName[String(name.dropLast(suffix.count))], let role = Self.role(of: name, in: families[i]) {
          target = (i, role)
          break
        }
      }
    }
    let (index, role) = target ?? (family(named: name), .value)
    switch role {
    case .bucket:
      guard let le = labels["le"] else { throw LineError(message: "histogram bucket \(name) without le label") }
      guard FloatParser.parse(le) != nil else { throw LineError(message: "invalid le=\"\(le)\" on \(name)") }
    case .quantile:
      if let q = labels["quantile"], FloatParser.parse(q) == nil {
        throw LineError(message: "invalid quantile=\"\(q)\" on \(name)")
      }
    default: break
    }
    families[index].samples.append(
      Sample(name: name, labels: labels, value: value, timestamp: timestamp, role: role, line: lineNumber))
    if lastSample?.index != index { hasSamples.insert(index) }
    current = index
    lastSample = (span.0, span.1, name, index, role)
  }

  /// Whether the bytes at `s..<e` spell the previous sample's name.
  func sameNameAsLast(_ s: Int, _ e: Int) -> Bool {
    guard let last = lastSample, last.end - last.start == e - s else { return false }
    var i = e - 1
    var j = last.end - 1
    while i >= s {  // from the end: names of one family differ in their suffix
      if b[i] != b[j] { return false }
      i -= 1
      j -= 1
    }
    return true
  }

  /// The role of a sample named `name` in `family`, or nil if it does not belong there.
  static func role(of name: String, in family: MetricFamily) -> SampleRole? {
    // Byte-wise: `hasPrefix` and `dropFirst` on Characters cost a grapheme walk on every sample.
    let prefix = family.name.utf8
    guard name.utf8.count >= prefix.count, name.utf8.starts(with: prefix) else { return nil }
    let suffix = String(Substring(name.utf8.dropFirst(prefix.count)))
    return family.type.role(ofSuffix: suffix)
  }

  // MARK: - Finish

  /// Folds `X_created` gauge families into the counter, histogram or summary `X` (or counter `X_total`).
  mutating func finish() -> Exposition {
    var removed: Set<Int> = []
    // By index, not over a copy of `families`: appending to a parent then does not copy every family's samples.
    // (A folded family is a gauge or untyped, never a parent, so none changes before it is read.)
    for i in families.indices {
      let f = families[i]
      guard (f.type == .gauge || f.type == .untyped) && f.name.hasSuffix("_created") && !f.samples.isEmpty else {
        continue
      }
      let base = String(f.name.dropLast(8))
      let candidates = [byName[base], byName[base + "_total"]].compactMap { $0 }
      guard
        let parent = candidates.first(where: {
          [.counter, .histogram, .summary].contains(families[$0].type)
        })
      else { continue }
      families[parent].samples.append(
        contentsOf: f.samples.map { s in
          var s = s
          s.role = .created
          return s
        })
      removed.insert(i)
    }
    let kept = families.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
    return Exposition(families: kept, issues: issues, sawEOF: sawEOF, lineCount: lineNumber)
  }
}
