/// A file the kernel readers cannot use, with a one-line message (the caller prefixes the path).
public struct KernelInputError: Error, CustomStringConvertible, Sendable, Equatable {
  /// What is wrong, naming the line or field where one applies.
  public let description: String

  /// Creates an error.
  public init(_ description: String) { self.description = description }
}
