/// What a comparison concludes about one figure, B against A.
public enum ChangeVerdict: String, Sendable, CaseIterable {
  /// The interval lies wholly on the good side of zero.
  case better
  /// The interval lies wholly on the bad side of zero.
  case worse
  /// The interval holds zero.
  case noSignificantChange = "no_significant_change"
  /// No interval could be computed (too few steps, or a saved report without steps).
  case notTested = "not_tested"

  /// The verdict for an interval of B − A, where lower values are better (`lowerIsBetter`) or worse.
  public static func judge(_ interval: ConfidenceInterval?, lowerIsBetter: Bool) -> ChangeVerdict {
    guard let interval else { return .notTested }
    if interval.upper < 0 { return lowerIsBetter ? .better : .worse }
    if interval.lower > 0 { return lowerIsBetter ? .worse : .better }
    return .noSignificantChange
  }

  /// Words for reports (`no significant change`).
  public var words: String {
    switch self {
    case .better: return "better"
    case .worse: return "worse"
    case .noSignificantChange: return "no significant change"
    case .notTested: return "not tested"
    }
  }
}
