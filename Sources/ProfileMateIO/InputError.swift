import ProfileMateCore

/// A failure to read or write a file, with a one-line message for the user.
public struct InputError: UserFacingError, Sendable {
  /// The message, naming the path and what went wrong.
  public let description: String
  /// The process exit code the CLI should use (2 for unusable input).
  public let exitCode: Int32

  /// Creates an error.
  public init(_ description: String, exitCode: Int32 = 2) {
    self.description = description
    self.exitCode = exitCode
  }
}
