/// The vLLM metrics of one engine of one model in one scrape, under stable keys whatever the vLLM version
/// called them.
public struct VLLMSnapshot: Sendable, Equatable {
  /// `model_name` (nil when the scrape has none, e.g. V0 without labels).
  public var model: String?
  /// `engine` (the data-parallel index; nil before v0.8.3).
  public var engine: String?
  /// Gauges and counters without a dimension label.
  public var values: [VLLMMetric: MetricValue] = [:]
  /// Gauges and counters split by their dimension (`finished_reason`, `reason`, `source`, …).
  public var byLabel: [VLLMMetric: [String: MetricValue]] = [:]
  /// Histograms.
  public var histograms: [VLLMMetric: Histogram] = [:]
  /// The exported name each metric was found under (shows which vLLM generation produced the scrape).
  public var names: [VLLMMetric: String] = [:]
  /// `vllm:cache_config_info`, when exported.
  public var cacheConfig: CacheConfigInfo?

  /// Creates an empty snapshot for an engine.
  public init(model: String?, engine: String?) {
    self.model = model
    self.engine = engine
  }

  /// `model / engine N`, for reports.
  public var title: String {
    [model, engine.map { "engine \($0)" }].compactMap { $0 }.joined(separator: " / ")
  }

  /// A plain value.
  public func value(_ m: VLLMMetric) -> Double? { values[m]?.value }

  /// The sum over a dimension (all finish reasons), or the plain value.
  public func total(_ m: VLLMMetric) -> Double? {
    if let v = values[m] { return v.value }
    guard let parts = byLabel[m], !parts.isEmpty else { return nil }
    return parts.values.reduce(0) { $0 + $1.value }
  }
}
