import ProfileMateCore

/// An input whose content is not of a kind the command reads, or of no kind at all.
public struct InputDetectionError: UserFacingError, Sendable, Equatable {
  /// The input.
  public let path: String
  /// What it was found to be; nil when nothing recognised it.
  public let found: InputKind?
  /// What the command reads.
  public let accepted: Set<InputKind>
  /// The command, for the message.
  public let command: String?

  /// Creates an error.
  public init(path: String, found: InputKind?, accepted: Set<InputKind>, command: String? = nil) {
    self.path = path
    self.found = found
    self.accepted = accepted
    self.command = command
  }

  /// The accepted kinds' labels in ``InputKind/allCases`` order.
  static func labels(_ kinds: Set<InputKind>) -> String {
    InputKind.allCases.filter(kinds.contains).map(\.label).joined(separator: ", ")
  }

  public var description: String {
    guard let found else {
      return "\(path): not an input ProfileMate reads (checked against: "
        + InputKind.allCases.map(\.rawValue).joined(separator: ", ") + ")"
    }
    let who = command.map { "`\($0)`" } ?? "this command"
    return "\(path): \(found.label), which \(who) does not read (it reads \(Self.labels(accepted)))"
  }
}
