extension VLLMSnapshot {
  /// The increases from `earlier` to this snapshot of every counter and histogram, as PromQL's `increase()`
  /// sees two points (a decrease or a changed `_created` is a restart: the increase is the new value); gauges
  /// and the cache config are this snapshot's. Without `earlier`, every counter and histogram counts whole.
  /// - Returns: the increases, and the names of the counters that restarted.
  public func increase(since earlier: VLLMSnapshot?) -> (increase: VLLMSnapshot, resets: [String]) {
    var out = self
    var resets: [String] = []
    for (m, now) in values where Self.isCounter(m) {
      let (d, reset) = now.increase(since: earlier?.values[m])
      if reset { resets.append(names[m] ?? m.rawValue) }
      out.values[m] = MetricValue(d, line: now.line)
    }
    for (m, parts) in byLabel where Self.isCounter(m) {
      var increased: [String: MetricValue] = [:]
      for (part, now) in parts {
        let (d, reset) = now.increase(since: earlier?.byLabel[m]?[part])
        if reset, let dim = VLLMCatalogue.spec(m).dimension {
          resets.append("\(names[m] ?? m.rawValue){\(dim)=\"\(part)\"}")
        }
        increased[part] = MetricValue(d, line: now.line)
      }
      out.byLabel[m] = increased
    }
    for (m, h) in histograms {
      out.histograms[m] = earlier?.histograms[m].map { h.delta(since: $0) } ?? h
      out.histograms[m]?.created = nil
    }
    return (out, resets)
  }

  /// Adds an increase (from ``increase(since:)``) to this running total: counters and histogram buckets are
  /// summed, gauges and the cache config become the increase's (the latest reading).
  public mutating func accumulate(_ inc: VLLMSnapshot) {
    for (m, v) in inc.values {
      if Self.isCounter(m) {
        values[m] = MetricValue((values[m]?.value ?? 0) + v.value, line: v.line)
      } else {
        values[m] = v
      }
    }
    for (m, parts) in inc.byLabel {
      if Self.isCounter(m) {
        for (part, v) in parts {
          byLabel[m, default: [:]][part] = MetricValue((byLabel[m]?[part]?.value ?? 0) + v.value, line: v.line)
        }
      } else {
        byLabel[m] = parts
      }
    }
    for (m, h) in inc.histograms {
      histograms[m] = histograms[m].map { $0.adding(h) } ?? h
    }
    for (m, n) in inc.names { names[m] = n }
    if let c = inc.cacheConfig { cacheConfig = c }
  }

  static func isCounter(_ m: VLLMMetric) -> Bool { VLLMCatalogue.spec(m).type == .counter }
}

extension Histogram {
  /// The sum of two histograms of increases. Equal bucket layouts add bucket by bucket; when the layouts
  /// differ (a restart with other buckets), each side's cumulative count is read at every bound of the union
  /// as the count of its largest bound not above it.
  public func adding(_ other: Histogram) -> Histogram {
    var out = self
    out.count = (count ?? 0) + (other.count ?? 0)
    out.sum = (sum ?? 0) + (other.sum ?? 0)
    if count == nil && other.count == nil { out.count = nil }
    if sum == nil && other.sum == nil { out.sum = nil }
    if buckets.map(\.upperBound) == other.buckets.map(\.upperBound) {
      for i in out.buckets.indices { out.buckets[i].count += other.buckets[i].count }
      return out
    }
    let bounds = Set(buckets.map(\.upperBound) + other.buckets.map(\.upperBound)).sorted()
    func cumulative(_ h: Histogram, _ bound: Double) -> Double {
      h.buckets.last { $0.upperBound <= bound }?.count ?? 0
    }
    out.buckets = bounds.map { Bucket(upperBound: $0, count: cumulative(self, $0) + cumulative(other, $0)) }
    return out
  }
}
