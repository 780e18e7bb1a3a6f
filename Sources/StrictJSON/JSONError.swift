/// Why a JSON document could not be read, and where: the 1-based line and column of the byte at fault.
public struct JSONError: Error, Sendable, Equatable, CustomStringConvertible {
  /// 1-based line.
  public var line: Int
  /// 1-based column, in bytes.
  public var column: Int
  /// What was wrong (`expected ':' after an object key`, `nesting deeper than 128 levels`, …).
  public var reason: String

  /// Creates an error.
  public init(line: Int, column: Int, reason: String) {
    self.line = line
    self.column = column
    self.reason = reason
  }

  /// `line L, column C: reason`.
  public var description: String { "line \(line), column \(column): \(reason)" }
}
