/// A mock-server failure with a one-line, user-facing message.
public struct MockServerError: Error, CustomStringConvertible, Sendable {
  /// The message.
  public let description: String

  init(_ description: String) { self.description = description }
}
