import ProfileMateCore

/// A failure of a command's own logic (not of a module it calls): a one-line message and an exit code.
public struct AppError: UserFacingError, Sendable, Equatable {
  /// The message, naming the file or option at fault.
  public let message: String
  /// The process exit code (2 for unusable input, 1 for a gate that fired).
  public let exitCode: Int32

  /// Creates an error.
  public init(_ message: String, exitCode: Int32 = 2) {
    self.message = message
    self.exitCode = exitCode
  }

  public var description: String { message }
}
