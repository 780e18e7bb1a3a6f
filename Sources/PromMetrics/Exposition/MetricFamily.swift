/// A metric family: its `# HELP` / `# TYPE` and every sample that belongs to it, including the
/// `_bucket`, `_sum`, `_count`, `_total` and `_created` series.
public struct MetricFamily: Sendable {
  /// The family name as declared by `# TYPE` (`vllm:prompt_tokens_total` in 0.0.4 output of
  /// prometheus_client, `vllm:prompt_tokens` in OpenMetrics), or the sample name when undeclared.
  public var name: String
  /// The declared type; `.untyped` without a `# TYPE` line.
  public var type: MetricType
  /// The `# HELP` text, unescaped.
  public var help: String?
  /// The OpenMetrics `# UNIT`.
  public var unit: String?
  /// Samples in input order.
  public var samples: [Sample]
  /// 1-based line of the first `# HELP`, `# TYPE` or sample of the family.
  public var line: Int

  /// Creates a family.
  public init(
    name: String, type: MetricType = .untyped, help: String? = nil, unit: String? = nil, samples: [Sample] = [],
    line: Int = 0
  ) {
    self.name = name
    self.type = type
    self.help = help
    self.unit = unit
    self.samples = samples
    self.line = line
  }

  /// The name without a trailing `_total` for counters (`vllm:prompt_tokens`); the name otherwise.
  public var baseName: String {
    type == .counter && name.hasSuffix("_total") ? String(name.dropLast(6)) : name
  }

  /// The samples with this role.
  public func samples(_ role: SampleRole) -> [Sample] { samples.filter { $0.role == role } }

  /// The family's histograms, one per label set (without `le`), buckets sorted by upper bound with +Inf
  /// last; empty for other types.
  public var histograms: [Histogram] {
    guard type == .histogram || type == .gaugeHistogram else { return [] }
    var order: [Labels] = []
    var byLabels: [Labels: Histogram] = [:]
    for s in samples {
      let key = s.labels.removing(["le"])
      if byLabels[key] == nil {
        order.append(key)
        byLabels[key] = Histogram(labels: key, buckets: [], line: s.line)
      }
      switch s.role {
      case .bucket:
        guard let le = s.labels["le"].flatMap(FloatParser.parse) else { continue }
        byLabels[key]?.buckets.append(Histogram.Bucket(upperBound: le, count: s.value, line: s.line))
      case .count: byLabels[key]?.count = s.value
      case .sum: byLabels[key]?.sum = s.value
      case .created: byLabels[key]?.created = s.value
      default: continue
      }
    }
    return order.compactMap { key in
      guard var h = byLabels[key] else { return nil }
      // Stable sort by bound: +Inf (the largest value) ends up last.
      h.buckets = h.buckets.enumerated().sorted { a, b in
        a.element.upperBound != b.element.upperBound
          ? a.element.upperBound < b.element.upperBound : a.offset < b.offset
      }.map(\.element)
      return h
    }
  }
}
