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
  /// last; empty for other types. Built in one pass over the samples (a run of samples of the same series
  /// joins its histogram without a lookup); a computed property, so callers that need it more than once keep
  /// the result.
  public var histograms: [Histogram] {
    guard type == .histogram || type == .gaugeHistogram else { return [] }
    var out: [Histogram] = []
    var byLabels: [Labels: Int] = [:]
    var previous: (labels: Labels, index: Int)?
    for s in samples {
      let i: Int
      if let p = previous, Self.sameSeries(s.labels, p.labels) {
        i = p.index
      } else {
        let key = s.labels.removing("le")
        if let known = byLabels[key] {
          i = known
        } else {
          i = out.count
          byLabels[key] = i
          out.append(Histogram(labels: key, buckets: [], line: s.line))
        }
        previous = (s.labels, i)
      }
      switch s.role {
      case .bucket:
        guard let le = s.labels["le"].flatMap(FloatParser.parse) else { continue }
        out[i].buckets.append(Histogram.Bucket(upperBound: le, count: s.value, line: s.line))
      case .count: out[i].count = s.value
      case .sum: out[i].sum = s.value
      case .created: out[i].created = s.value
      default: continue
      }
    }
    for i in out.indices where !Self.isSorted(out[i].buckets) { out[i].buckets = Self.sortedByBound(out[i].buckets) }
    return out
  }

  /// The buckets in a stable sort by bound: +Inf (the largest value) ends up last.
  static func sortedByBound(_ buckets: [Histogram.Bucket]) -> [Histogram.Bucket] {
    buckets.enumerated().sorted { a, b in
      a.element.upperBound != b.element.upperBound
        ? a.element.upperBound < b.element.upperBound : a.offset < b.offset
    }.map(\.element)
  }

  /// Whether two label sets are equal once `le` is left out, compared in written order (equal sequences have
  /// equal sorted keys).
  static func sameSeries(_ a: Labels, _ b: Labels) -> Bool {
    var i = 0
    var j = 0
    let x = a.pairs
    let y = b.pairs
    while true {
      while i < x.count && x[i].name == "le" { i += 1 }
      while j < y.count && y[j].name == "le" { j += 1 }
      if i == x.count || j == y.count { return i == x.count && j == y.count }
      guard x[i] == y[j] else { return false }
      i += 1
      j += 1
    }
  }

  /// Whether the bounds already ascend (the stable sort would keep the order); false with a NaN bound.
  static func isSorted(_ buckets: [Histogram.Bucket]) -> Bool {
    var k = 1
    while k < buckets.count {
      guard buckets[k - 1].upperBound <= buckets[k].upperBound else { return false }
      k += 1
    }
    return true
  }
}
