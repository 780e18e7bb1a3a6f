import ProfileMateCore

/// The thresholds of the `/metrics` rules: the one ``FindingThresholds`` struct of every rule (the name is
/// kept for existing callers).
public typealias MetricsFindingThresholds = FindingThresholds
