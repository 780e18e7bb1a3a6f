import ProfileMateCore

/// A model config that cannot be used, with a message that names the file and the problem.
public struct ConfigError: UserFacingError, Sendable, Hashable {
  /// The file (or other source) the config came from.
  public let source: String
  /// What is wrong.
  public let problem: String

  /// Creates an error.
  public init(source: String, problem: String) {
    self.source = source
    self.problem = problem
  }

  /// A required key is absent or `null`.
  static func missing(_ source: String, _ key: String, in section: String) -> ConfigError {
    ConfigError(source: source, problem: "missing required key '\(key)' in \(section)")
  }

  /// A key has a value of the wrong type or range.
  static func invalid(_ source: String, _ key: String, _ expected: String, got: String) -> ConfigError {
    ConfigError(source: source, problem: "key '\(key)' should be \(expected), found \(got)")
  }

  public var description: String { "\(source): \(problem)" }
}
