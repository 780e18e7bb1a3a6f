/// A rule that turns analysed figures into findings.
///
/// Every rule is one type, declared once in ``FindingRegistry/rules`` with its ``RuleInfo``. A rule reads
/// one or more sources: the log (``LogFindingRule``, here), `/metrics` (`MetricsFindingRule`, in PromMetrics)
/// or a run directory's cross-checks (`CrossCheckFindingRule`, in RunJoin). A rule shared by two sources
/// conforms to both and keeps the decision in one place, with evidence from each source.
public protocol FindingRule: Sendable {
  /// Its id, area, severities, summary and thresholds.
  var info: RuleInfo { get }
}

/// A rule over the analysis of a server log.
public protocol LogFindingRule: FindingRule {
  /// The findings this rule draws from a log's analysis (usually none or one).
  func evaluate(_ analysis: RunAnalysis, _ thresholds: FindingThresholds) -> [Finding]
}
