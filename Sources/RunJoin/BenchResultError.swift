import ProfileMateCore

/// A benchmark result file that could not be read, with a one-line message naming the file.
public struct BenchResultError: UserFacingError, Sendable, Equatable {
  /// The message: the file and what was expected.
  public let description: String

  /// Creates an error.
  public init(_ description: String) {
    self.description = description
  }
}
