/// A line of an exposition the parser could not use, and why. The line was skipped; the rest still parsed.
public struct ParseIssue: Sendable, Equatable, CustomStringConvertible {
  /// 1-based line number in the input.
  public var line: Int
  /// What was wrong (`invalid escape sequence \t in label value`).
  public var message: String

  /// Creates an issue.
  public init(line: Int, message: String) {
    self.line = line
    self.message = message
  }

  /// `line 12: message`.
  public var description: String { "line \(line): \(message)" }
}
