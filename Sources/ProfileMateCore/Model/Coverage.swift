/// How much of the input the reader understood.
public struct Coverage: Sendable, Equatable {
  /// Physical lines read (a last line without a newline counts).
  public var lines: Int = 0
  /// Bytes read (after decompression).
  public var bytes: Int = 0
  /// Lines that matched a known form.
  public var recognized: Int = 0
  /// Lines that did not; counted, not guessed at.
  public var unrecognized: Int = 0
  /// Recognised lines by form (`iteration`, `stats`, `http_access`, …).
  public var byKind: [String: Int] = [:]
  /// Physical lines joined to the previous one because the log was hard-wrapped.
  public var wrappedLinesJoined: Int = 0
  /// Lines longer than the reader's limit, cut to it.
  public var overlongLines: Int = 0
  /// Lines that held bytes that are not valid text (NUL or invalid UTF-8 in a parsed field).
  public var binaryLines: Int = 0
  /// Iteration lines whose values had to be saturated to fit a step record.
  public var saturatedSteps: Int = 0
  /// Timestamps that went backwards by more than a minute without a plausible wrap.
  public var timestampRegressions: Int = 0

  /// Creates an empty coverage record.
  public init() {}
}
