/// An error meant for the person running the tool: a one-line message and the process exit code it ends with.
///
/// Module errors adopt it (``message`` defaults to the error's description, ``exitCode`` to 2, unusable input);
/// the command line maps every such error to standard error and its exit code in one place, its `main`.
public protocol UserFacingError: Error, CustomStringConvertible {
  /// The one-line message, naming the file (and line or field) where that applies.
  var message: String { get }
  /// The process exit code: 2 for unusable input or arguments, 1 for a gate that fired.
  var exitCode: Int32 { get }
}

extension UserFacingError {
  /// The error's description.
  public var message: String { description }
  /// 2: unusable input.
  public var exitCode: Int32 { 2 }
}
