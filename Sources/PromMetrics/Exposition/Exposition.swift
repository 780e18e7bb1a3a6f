/// A parsed `/metrics` page: its families, the lines that could not be used, and an index by name.
public struct Exposition: Sendable {
  /// Families in order of first appearance. `_created` gauge families that prometheus_client writes next to
  /// a counter, histogram or summary in format 0.0.4 are folded into that family as `.created` samples.
  public var families: [MetricFamily] {
    didSet { layoutID = Self.freshLayoutID() }
  }
  /// Malformed lines (skipped), with their line numbers.
  public var issues: [ParseIssue]
  /// Whether an OpenMetrics `# EOF` line ended the input.
  public var sawEOF: Bool
  /// Number of input lines.
  public var lineCount: Int
  private var index: [String: Int]
  /// Names this exposition's layout — its families, their samples' names, labels and roles, in order —
  /// and nothing else: two expositions with the same ID differ at most in values and timestamps. A parse
  /// through ``ExpositionParser/parse(_:layout:)`` whose lines all matched the previous scrape's keeps that
  /// scrape's ID; any other exposition gets a new one (changing ``families`` gives a new one too).
  public internal(set) var layoutID: UInt64

  static func freshLayoutID() -> UInt64 { UInt64.random(in: 1...UInt64.max) }

  /// Creates an exposition from parsed parts.
  public init(families: [MetricFamily], issues: [ParseIssue] = [], sawEOF: Bool = false, lineCount: Int = 0) {
    self.families = families
    self.issues = issues
    self.sawEOF = sawEOF
    self.lineCount = lineCount
    layoutID = Self.freshLayoutID()
    var index: [String: Int] = [:]
    for (i, f) in families.enumerated() where index[f.name] == nil { index[f.name] = i }
    self.index = index
  }

  /// The family named `name`. A counter is found by either spelling: `vllm:prompt_tokens_total` (format
  /// 0.0.4) or `vllm:prompt_tokens` (OpenMetrics).
  public func family(_ name: String) -> MetricFamily? {
    familyIndex(name).map { families[$0] }
  }

  /// The index in ``families`` of ``family(_:)``'s answer.
  func familyIndex(_ name: String) -> Int? {
    if let i = index[name] { return i }
    if let i = index[name + "_total"], families[i].type == .counter { return i }
    if name.hasSuffix("_total"), let i = index[String(name.dropLast(6))], families[i].type == .counter {
      return i
    }
    return nil
  }

  /// All samples, in family order.
  public var samples: [Sample] { families.flatMap(\.samples) }
}
