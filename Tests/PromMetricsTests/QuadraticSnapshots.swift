@testable import PromMetrics

/// The snapshot split as it was before it became linear (kept verbatim, tests only): for every (model,
/// engine) key, every resolved family is scanned and its histograms regrouped. The differential tests hold
/// ``VLLMMetrics/snapshots(_:)`` to exactly these results.
enum QuadraticSnapshots {
  static func snapshots(_ e: Exposition) -> [VLLMSnapshot] {
    var resolved: [(VLLMMetricSpec, MetricFamily)] = []
    for spec in VLLMCatalogue.all {
      for name in spec.names {
        if let f = e.family(name), !f.samples.isEmpty {
          resolved.append((spec, f))
          break
        }
      }
    }
    guard !resolved.isEmpty else { return [] }
    var keys: [Key] = []
    var seen: Set<Key> = []
    for (_, f) in resolved {
      for s in f.samples {
        guard let model = s.labels["model_name"] else { continue }
        let key = Key(model: model, engine: s.labels["engine"])
        if seen.insert(key).inserted { keys.append(key) }
      }
    }
    keys = keys.filter { k in k.engine != nil || !keys.contains { $0.model == k.model && $0.engine != nil } }
    if keys.isEmpty { keys = [Key(model: nil, engine: nil)] }
    return keys.map { key in
      var snap = VLLMSnapshot(model: key.model, engine: key.engine)
      for (spec, f) in resolved { fill(&snap, spec, f, key) }
      return snap
    }
  }

  struct Key: Hashable {
    var model: String?
    var engine: String?

    func matches(_ labels: Labels) -> Bool {
      func ok(_ label: String, _ want: String?) -> Bool {
        guard let want, let have = labels[label] else { return true }
        return have == want
      }
      return ok("model_name", model) && ok("engine", engine)
    }
  }

  static func fill(_ snap: inout VLLMSnapshot, _ spec: VLLMMetricSpec, _ f: MetricFamily, _ key: Key) {
    let m = spec.metric
    switch f.type {
    case .histogram, .gaugeHistogram:
      guard let h = histograms(f).first(where: { key.matches($0.labels) }) else { return }
      snap.histograms[m] = h
      snap.names[m] = f.name
      return
    default: break
    }
    let mine = f.samples.filter { key.matches($0.labels) }
    guard !mine.isEmpty else { return }
    snap.names[m] = f.name
    if m == .cacheConfigInfo {
      if let s = mine.first { snap.cacheConfig = CacheConfigInfo(labels: s.labels, line: s.line) }
      return
    }
    var created: [Labels: Double] = [:]
    for s in mine where s.role == .created { created[s.labels] = s.value }
    let isCounter = f.type == .counter
    for s in mine where s.role != .created {
      let v = MetricValue(s.value, created: created[s.labels], line: s.line)
      if let dim = spec.dimension {
        let part = s.labels[dim] ?? ""
        snap.byLabel[m, default: [:]][part] = combine(snap.byLabel[m]?[part], v, isCounter)
      } else {
        snap.values[m] = combine(snap.values[m], v, isCounter)
      }
    }
  }

  static func combine(_ old: MetricValue?, _ new: MetricValue, _ isCounter: Bool) -> MetricValue {
    guard let old, isCounter else { return new }
    return MetricValue(old.value + new.value, created: old.created ?? new.created, line: old.line)
  }

  /// `MetricFamily.histograms` as it was: every sample regrouped through a dictionary of label sets.
  static func histograms(_ f: MetricFamily) -> [Histogram] {
    guard f.type == .histogram || f.type == .gaugeHistogram else { return [] }
    var order: [Labels] = []
    var byLabels: [Labels: Histogram] = [:]
    for s in f.samples {
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
      h.buckets = h.buckets.enumerated().sorted { a, b in
        a.element.upperBound != b.element.upperBound
          ? a.element.upperBound < b.element.upperBound : a.offset < b.offset
      }.map(\.element)
      return h
    }
  }
}
