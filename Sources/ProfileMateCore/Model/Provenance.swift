/// Where a figure came from: a 1-based line number of the input.
public typealias LineNumber = Int

/// A value read from the input together with the line it came from.
public struct Sourced<Value: Sendable & Equatable>: Sendable, Equatable {
  /// The value.
  public var value: Value
  /// The 1-based physical line of the input it was read from.
  public var line: LineNumber

  /// Creates a sourced value.
  public init(_ value: Value, line: LineNumber) {
    self.value = value
    self.line = line
  }
}
