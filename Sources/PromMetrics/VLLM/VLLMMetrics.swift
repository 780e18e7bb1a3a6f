/// Turns a parsed exposition into one ``VLLMSnapshot`` per (model, engine), resolving each metric through the
/// ``VLLMCatalogue`` (newest name first, older spellings as fallbacks).
///
/// Linear in the samples: each resolved family is walked once to group its samples (and build its
/// histograms) by their `model_name` / `engine` labels (``SeriesGroups``); a snapshot then reads only the
/// groups that match its key.
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
    var layout: Layout?
    return snapshots(e, layout: &layout)
  }

  /// The same snapshots, reusing `layout` — which families resolve each metric, how their samples group by
  /// engine, the snapshot keys — when it was made from a scrape of the same ``Exposition/layoutID`` (the
  /// next scrape of a steady server, parsed with ``ExpositionParser/parse(_:layout:)``); else made afresh
  /// and left in `layout` for the next scrape.
  public static func snapshots(_ e: Exposition, layout: inout Layout?) -> [VLLMSnapshot] {
    if layout?.exposition != e.layoutID { layout = Layout(e) }
    guard let layout, !layout.resolved.isEmpty else { return [] }
    return layout.keys.enumerated().map { k, key in
      var snap = VLLMSnapshot(model: key.model, engine: key.engine)
      for (i, r) in layout.resolved.enumerated() {
        fill(&snap, r.spec, e.families[r.family], r.groups, layout.groupsOfKey[i][k])
      }
      return snap
    }
  }

  /// How one scrape's samples map onto snapshots: see ``snapshots(_:layout:)``.
  public struct Layout: Sendable {
    /// The ``Exposition/layoutID`` it was made from.
    let exposition: UInt64
    /// Each metric's family (an index into the exposition's families) and its groups.
    let resolved: [(spec: VLLMMetricSpec, family: Int, groups: SeriesGroups)]
    /// The snapshot keys, in order.
    let keys: [Key]
    /// For each resolved family and each key, the groups whose series belong to that key's snapshot.
    let groupsOfKey: [[[Int]]]

    init(_ e: Exposition) {
      exposition = e.layoutID
      var resolved: [(spec: VLLMMetricSpec, family: Int, groups: SeriesGroups)] = []
      var keys: [Key] = []
      var seen: Set<Key> = []
      for spec in VLLMCatalogue.all {
        for name in spec.names {
          guard let i = e.familyIndex(name), !e.families[i].samples.isEmpty else { continue }
          let groups = SeriesGroups(e.families[i])
          for key in groups.order where key.model != nil && seen.insert(key).inserted { keys.append(key) }
          resolved.append((spec, i, groups))
          break
        }
      }
      // An engine-less key is redundant when the same model also has engine-labelled series.
      var engineModels: Set<String> = []
      for k in keys where k.engine != nil { if let m = k.model { engineModels.insert(m) } }
      keys = keys.filter { k in k.engine != nil || !engineModels.contains(k.model ?? "") }
      if keys.isEmpty { keys = [Key(model: nil, engine: nil)] }
      self.resolved = resolved
      self.keys = keys
      groupsOfKey = resolved.map { r in keys.map { r.groups.candidates($0) } }
    }
  }

  /// A (model_name, engine) pair: of a snapshot, or of a series (nil where the label is absent).
  struct Key: Hashable, Sendable {
    var model: String?
    var engine: String?

    /// The key of a series with these labels.
    init(_ labels: Labels) {
      model = labels["model_name"]
      engine = labels["engine"]
    }

    init(model: String?, engine: String?) {
      self.model = model
      self.engine = engine
    }

    /// Whether a series with key `series` belongs to the snapshot with this key: each label matches when
    /// equal, absent from the series, or not asked for.
    func matches(_ series: Key) -> Bool {
      func ok(_ have: String?, _ want: String?) -> Bool {
        guard let want, let have else { return true }
        return have == want
      }
      return ok(series.model, model) && ok(series.engine, engine)
    }
  }

  static func fill(
    _ snap: inout VLLMSnapshot, _ spec: VLLMMetricSpec, _ f: MetricFamily, _ groups: SeriesGroups,
    _ keyGroups: [Int]
  ) {
    let m = spec.metric
    switch f.type {
    case .histogram, .gaugeHistogram:
      guard let h = groups.firstHistogram(inGroups: keyGroups, f.samples) else { return }
      snap.histograms[m] = h
      snap.names[m] = f.name
      return
    default: break
    }
    let mine = groups.samples(inGroups: keyGroups)
    guard !mine.isEmpty else { return }
    snap.names[m] = f.name
    if m == .cacheConfigInfo {
      let s = f.samples[mine[0]]
      snap.cacheConfig = CacheConfigInfo(labels: s.labels, line: s.line)
      return
    }
    // `_created` by label set, the last one winning; searched in place while there are few (one engine's).
    var created: [(labels: Labels, value: Double)] = []
    for i in mine where f.samples[i].role == .created { created.append((f.samples[i].labels, f.samples[i].value)) }
    let createdIndex: [Labels: Double]? =
      created.count > 8 ? Dictionary(created.map { ($0.labels, $0.value) }, uniquingKeysWith: { _, b in b }) : nil
    func createdTime(_ labels: Labels) -> Double? {
      if let createdIndex { return createdIndex[labels] }
      return created.last { $0.labels == labels }?.value
    }
    let isCounter = f.type == .counter
    for i in mine where f.samples[i].role != .created {
      let s = f.samples[i]
      let v = MetricValue(s.value, created: created.isEmpty ? nil : createdTime(s.labels), line: s.line)
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
