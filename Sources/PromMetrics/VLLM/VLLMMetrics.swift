/// Turns a parsed exposition into one ``VLLMSnapshot`` per (model, engine), resolving each metric through the
/// ``VLLMCatalogue`` (newest name first, older spellings as fallbacks).
public enum VLLMMetrics {
  /// Whether the exposition has any `vllm:` family.
  public static func hasVLLMMetrics(_ e: Exposition) -> Bool {
    e.families.contains { $0.name.hasPrefix("vllm:") }
  }

  /// One snapshot per (model_name, engine) pair seen, in order of appearance. Metrics without an `engine`
  /// label (`admission_rejections`) go to every engine of their model; metrics without `model_name`
  /// (`cache_config_info`) go to every model's snapshot of their engine. A scrape with vLLM metrics but no
  /// `model_name` anywhere gives one snapshot with nil model and engine.
  public static func snapshots(_ e: Exposition) -> [VLLMSnapshot] {
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
    // An engine-less key is redundant when the same model also has engine-labelled series.
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
      guard let h = f.histograms.first(where: { key.matches($0.labels) }) else { return }
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

  /// Counters split by labels ProfileMate does not know are added; gauges keep the last reading.
  static func combine(_ old: MetricValue?, _ new: MetricValue, _ isCounter: Bool) -> MetricValue {
    guard let old, isCounter else { return new }
    return MetricValue(old.value + new.value, created: old.created ?? new.created, line: old.line)
  }
}
