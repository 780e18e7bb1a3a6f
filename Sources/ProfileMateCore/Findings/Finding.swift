/// How much a finding matters.
public enum Severity: String, Sendable, Comparable, CaseIterable {
  /// Worth knowing; nothing is wrong.
  case info
  /// Performance is being lost.
  case warning
  /// Something failed or will fail.
  case critical

  private var rank: Int {
    switch self {
    case .info: return 0
    case .warning: return 1
    case .critical: return 2
    }
  }

  public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One figure behind a finding, and where it came from.
public struct Evidence: Sendable, Equatable {
  /// What the figure is, with its value (`max waiting = 1906 requests`).
  public var text: String
  /// Input lines it was read from (1-based); empty for derived figures.
  public var lines: [LineNumber]

  /// Creates evidence.
  public init(_ text: String, lines: [LineNumber] = []) {
    self.text = text
    self.lines = lines
  }

  /// Creates evidence from one line, when known.
  public init(_ text: String, line: LineNumber?) {
    self.init(text, lines: line.map { [$0] } ?? [])
  }
}

/// A conclusion about the run: what, how bad, why we think so, and what to change.
public struct Finding: Sendable, Equatable {
  /// A stable identifier (`kv_pressure`), for scripts and suppression lists.
  public var id: String
  /// How much it matters.
  public var severity: Severity
  /// One line saying what was found.
  public var title: String
  /// The figures behind it.
  public var evidence: [Evidence]
  /// What to change: the vLLM flag or setting, concretely.
  public var recommendation: String

  /// Creates a finding.
  public init(id: String, severity: Severity, title: String, evidence: [Evidence], recommendation: String) {
    self.id = id
    self.severity = severity
    self.title = title
    self.evidence = evidence
    self.recommendation = recommendation
  }
}
