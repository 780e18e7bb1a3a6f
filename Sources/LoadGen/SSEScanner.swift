/// An incremental reader of an OpenAI streaming response (server-sent events): splits the byte stream into
/// `data:` events and picks out, without a JSON parse, what the load generator needs from each — whether it
/// carries generated text, and the `usage` token counts when present.
public struct SSEScanner: Sendable {
  /// What one event said.
  public struct Event: Sendable, Equatable {
    /// It carries non-empty generated text (`text` or `delta.content`).
    public var content: Bool
    /// It has a choice (a non-empty `choices` array), even one with empty text: a token whose bytes do not
    /// end a character is sent with `""`.
    public var choice: Bool
    /// `usage.completion_tokens`, when the event has usage.
    public var completionTokens: Int?
    /// `usage.prompt_tokens`, when the event has usage.
    public var promptTokens: Int?
    /// It is `data: [DONE]`.
    public var done: Bool

    /// Creates an event.
    public init(content: Bool, choice: Bool? = nil, completionTokens: Int?, promptTokens: Int?, done: Bool) {
      self.content = content
      self.choice = choice ?? content
      self.completionTokens = completionTokens
      self.promptTokens = promptTokens
      self.done = done
    }
  }

  private var pending: [UInt8] = []

  /// Creates a scanner.
  public init() {}

  /// Feeds bytes; returns the events they completed, in order.
  public mutating func feed(_ bytes: UnsafeRawBufferPointer) -> [Event] {
    pending.append(contentsOf: bytes)
    var events: [Event] = []
    var start = 0
    var i = 0
    let n = pending.count
    while i + 1 < n {
      if pending[i] == 10, pending[i + 1] == 10 {
        if let e = Self.event(pending[start..<i]) { events.append(e) }
        i += 2
        start = i
      } else if pending[i] == 10, pending[i + 1] == 13, i + 2 < n, pending[i + 2] == 10 {
        if let e = Self.event(pending[start..<i]) { events.append(e) }
        i += 3
        start = i
      } else {
        i += 1
      }
    }
    if start > 0 { pending.removeFirst(start) }
    return events
  }

  /// Convenience for tests: feeds an array.
  public mutating func feed(_ bytes: [UInt8]) -> [Event] { bytes.withUnsafeBytes { feed($0) } }

  /// Bytes held back (an incomplete event).
  public var bufferedCount: Int { pending.count }

  static let dataPrefix = Array("data:".utf8)
  static let doneMark = Array("[DONE]".utf8)
  static let textKey = Array("\"text\":\"".utf8)
  static let contentKey = Array("\"content\":\"".utf8)
  static let completionKey = Array("\"completion_tokens\":".utf8)
  static let promptKey = Array("\"prompt_tokens\":".utf8)
  static let choicesKey = Array("\"choices\":[".utf8)

  static func event(_ raw: ArraySlice<UInt8>) -> Event? {
    // Only the data: lines matter; an event with several is joined (it never happens with vLLM).
    var payload = ArraySlice<UInt8>()
    var lineStart = raw.startIndex
    while lineStart < raw.endIndex {
      let lineEnd = raw[lineStart...].firstIndex(of: 10) ?? raw.endIndex
      var line = raw[lineStart..<lineEnd]
      if line.last == 13 { line = line.dropLast() }
      if line.starts(with: dataPrefix) {
        var value = line.dropFirst(dataPrefix.count)
        if value.first == 32 { value = value.dropFirst() }
        payload = payload.isEmpty ? value : payload + value
      }
      lineStart = lineEnd + 1
    }
    guard !payload.isEmpty else { return nil }
    if payload.elementsEqual(doneMark) {
      return Event(content: false, choice: false, completionTokens: nil, promptTokens: nil, done: true)
    }
    return scanBody(payload)
  }

  /// Reads the content flag and usage counts from one JSON body (also used for non-streamed responses).
  public static func scanBody(_ body: ArraySlice<UInt8>) -> Event {
    var content = false
    for key in [textKey, contentKey] {
      if let at = find(key, in: body), at + key.count < body.endIndex, body[at + key.count] != 34 {
        content = true
      }
    }
    let choice = find(choicesKey, in: body).map { at in
      var i = at + choicesKey.count
      while i < body.endIndex, body[i] == 32 { i += 1 }
      return i < body.endIndex && body[i] == 123
    }
    return Event(
      content: content, choice: choice ?? content, completionTokens: integer(after: completionKey, in: body),
      promptTokens: integer(after: promptKey, in: body), done: false)
  }

  static func integer(after key: [UInt8], in body: ArraySlice<UInt8>) -> Int? {
    guard var i = find(key, in: body).map({ $0 + key.count }) else { return nil }
    while i < body.endIndex, body[i] == 32 { i += 1 }
    var value = 0
    var digits = 0
    while i < body.endIndex, body[i] >= 48, body[i] <= 57, digits < 15 {
      value = value * 10 + Int(body[i] - 48)
      digits += 1
      i += 1
    }
    return digits > 0 ? value : nil
  }

  static func find(_ key: [UInt8], in body: ArraySlice<UInt8>) -> Int? {
    guard let first = key.first, body.count >= key.count else { return nil }
    var i = body.startIndex
    let last = body.endIndex - key.count
    while i <= last {
      if body[i] == first, body[i..<(i + key.count)].elementsEqual(key) { return i }
      i += 1
    }
    return nil
  }
}
