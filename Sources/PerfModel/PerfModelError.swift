import ProfileMateCore

/// A failure of the analytic model, with a message for the user.
public enum PerfModelError: UserFacingError, Sendable, Hashable {
  /// A term does not fit in a 64-bit integer (vLLM's Python would keep going with big integers).
  case overflow(term: String)
  /// A parameter is out of its valid range (vLLM's pydantic validation would reject it).
  case invalidParameter(component: String, name: String, value: String)

  public var description: String {
    switch self {
    case .overflow(let term):
      return "the value of \(term) does not fit in a 64-bit integer; use fewer tokens or a smaller context"
    case .invalidParameter(let component, let name, let value):
      return "\(component): parameter \(name) = \(value) is not valid"
    }
  }
}
