/// A `--threshold NAME=VALUE` that cannot be applied; ``description`` is the one-line message for the user.
public enum ThresholdError: Error, Equatable, CustomStringConvertible {
  /// No `=` between a name and a value.
  case malformed(String)
  /// No threshold has this name; `suggestions` are the closest names.
  case unknownName(String, suggestions: [String])
  /// The value is not a number, or outside what the threshold's unit allows.
  case badValue(name: String, value: String, expected: String)

  public var description: String {
    switch self {
    case .malformed(let text):
      return "--threshold \(text): expected NAME=VALUE (e.g. kv_pressure_pct=95; `profilemate rules` lists the names)"
    case .unknownName(let name, let suggestions):
      let hint =
        suggestions.isEmpty
        ? "" : "; did you mean " + suggestions.joined(separator: ", ") + "?"
      return "--threshold: unknown threshold \(name)\(hint) (`profilemate rules` lists them all)"
    case .badValue(let name, let value, let expected):
      return "--threshold \(name)=\(value): expected \(expected)"
    }
  }
}
