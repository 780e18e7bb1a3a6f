/// A statement that two sources of the same run agree (or not) about one figure: the log against `/metrics`,
/// the benchmark against the server. Each names both sides, the tolerance it was judged by, and the vLLM
/// semantics that make the sides legitimately differ.
public struct CrossCheck: Sendable, Equatable {
  /// The verdict.
  public enum Status: String, Sendable, Equatable {
    /// Within tolerance.
    case agree
    /// Beyond tolerance: a finding says so.
    case disagree
    /// A side is missing or the sources do not cover the same span; ``CrossCheck/note`` says why.
    case unchecked
  }

  /// One side of the comparison.
  public struct Side: Sendable, Equatable {
    /// Where the figure comes from (`server.log: Σ generation tokens of 295 iteration lines`).
    public var source: String
    /// The figure, when available.
    public var value: Double?

    /// Creates a side.
    public init(_ source: String, _ value: Double?) {
      self.source = source
      self.value = value
    }
  }

  /// A stable identifier (`generation_tokens`, `ttft_p50`, …).
  public var id: String
  /// What is compared, in a few words.
  public var title: String
  /// The verdict.
  public var status: Status
  /// The unit of both values (`tokens`, `requests`, `s`, `requests/s`).
  public var unit: String
  /// The side that is adjusted to be comparable (the log, the benchmark).
  public var expected: Side
  /// The side it is checked against (the server's counters and histograms).
  public var observed: Side
  /// The tolerance, in words (`±1% of the counter`).
  public var tolerance: String
  /// How the sides were made comparable, or why the check could not be made.
  public var note: String

  /// Creates a check.
  public init(
    id: String, title: String, status: Status, unit: String, expected: Side, observed: Side, tolerance: String,
    note: String
  ) {
    self.id = id
    self.title = title
    self.status = status
    self.unit = unit
    self.expected = expected
    self.observed = observed
    self.tolerance = tolerance
    self.note = note
  }

  /// `observed − expected`, when both are known.
  public var difference: Double? {
    guard let e = expected.value, let o = observed.value else { return nil }
    return o - e
  }
}
