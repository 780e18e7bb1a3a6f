import ProfileMateCore

/// A finding rule over one engine's `/metrics` summary (a scrape, a window or a whole recording). The rules
/// are declared in ``FindingRegistry``; those that read `/metrics` conform here.
public protocol MetricsFindingRule: FindingRule {
  /// The findings this rule draws from one engine's summary (none or one).
  func evaluate(_ engine: EngineSummary, _ thresholds: FindingThresholds) -> [Finding]
}
