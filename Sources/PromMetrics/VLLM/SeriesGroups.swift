/// One family's samples grouped by their (`model_name`, `engine`) labels in one pass — and, for a histogram
/// family, its histograms built in the same pass, per group — which ``VLLMMetrics/snapshots(_:)`` reads for
/// every snapshot key, so that a scrape of E engines costs O(samples) rather than O(E × samples).
///
/// A histogram's series all carry the same `model_name` and `engine`, so building the histograms of each group
/// gives exactly ``MetricFamily/histograms``, split by group (the differential tests check it).
struct SeriesGroups {
  typealias Key = VLLMMetrics.Key

  /// A histogram of the family and the index of its first sample (its place in ``MetricFamily/histograms``).
  struct Entry {
    var first: Int
    var histogram: Histogram
  }

  /// The family.
  let family: MetricFamily
  /// Group keys in order of first appearance.
  private(set) var order: [Key] = []
  private var indexByKey: [Key: Int] = [:]
  /// Sample indices of each group, ascending (families other than histograms).
  private var samplesOfGroup: [[Int]] = []
  /// Histograms of each group in order of first appearance (histogram families).
  private(set) var histogramsOfGroup: [[Entry]] = []
  /// Groups by model (nil: series without `model_name`), for keys that leave the engine open.
  private var groupsByModel: [String?: [Int]] = [:]

  init(_ family: MetricFamily) {
    self.family = family
    let isHistogram = family.type == .histogram || family.type == .gaugeHistogram
    // The previous sample's labels and where it went: the next one of the same series (a histogram's buckets,
    // `_count`, `_sum`) or of the same (model, engine) goes there without a lookup.
    var previous: (labels: Labels, group: Int, histogram: Int)?
    // Per group with many histograms, their index by label set (built when a linear search would be long).
    var histogramIndex: [Int: [Labels: Int]] = [:]
    for (i, s) in family.samples.enumerated() {
      let g: Int
      var h = 0
      if let p = previous,
        isHistogram ? MetricFamily.sameSeries(s.labels, p.labels) : Self.sameKey(s.labels, p.labels)
      {
        g = p.group
        h = p.histogram
      } else {
        g = group(Key(s.labels))
        if isHistogram {
          let labels = s.labels.removing("le")
          if let known = Self.find(labels, in: histogramsOfGroup[g], index: histogramIndex[g]) {
            h = known
          } else {
            h = histogramsOfGroup[g].count
            histogramsOfGroup[g].append(
              Entry(first: i, histogram: Histogram(labels: labels, buckets: [], line: s.line)))
            if h >= 16 {
              if histogramIndex[g] == nil {
                histogramIndex[g] = Dictionary(
                  histogramsOfGroup[g].enumerated().map { ($0.element.histogram.labels, $0.offset) },
                  uniquingKeysWith: { a, _ in a })
              } else {
                histogramIndex[g]?[labels] = h
              }
            }
          }
        }
        previous = (s.labels, g, h)
      }
      guard isHistogram else {
        samplesOfGroup[g].append(i)
        continue
      }
      switch s.role {
      case .bucket:
        guard let le = s.labels["le"].flatMap(FloatParser.parse) else { continue }
        histogramsOfGroup[g][h].histogram.buckets.append(
          Histogram.Bucket(upperBound: le, count: s.value, line: s.line))
      case .count: histogramsOfGroup[g][h].histogram.count = s.value
      case .sum: histogramsOfGroup[g][h].histogram.sum = s.value
      case .created: histogramsOfGroup[g][h].histogram.created = s.value
      default: continue
      }
    }
    for g in histogramsOfGroup.indices {
      for h in histogramsOfGroup[g].indices where !MetricFamily.isSorted(histogramsOfGroup[g][h].histogram.buckets) {
        histogramsOfGroup[g][h].histogram.buckets = MetricFamily.sortedByBound(
          histogramsOfGroup[g][h].histogram.buckets)
      }
    }
  }

  /// The group of `key`, created if new.
  private mutating func group(_ key: Key) -> Int {
    if let g = indexByKey[key] { return g }
    let g = order.count
    indexByKey[key] = g
    order.append(key)
    groupsByModel[key.model, default: []].append(g)
    samplesOfGroup.append([])
    histogramsOfGroup.append([])
    return g
  }

  /// Whether two label sets have the same `model_name` and `engine`.
  private static func sameKey(_ a: Labels, _ b: Labels) -> Bool {
    a["engine"] == b["engine"] && a["model_name"] == b["model_name"]
  }

  /// The position of the histogram with these labels among a group's.
  private static func find(_ labels: Labels, in entries: [Entry], index: [Labels: Int]?) -> Int? {
    if let index { return index[labels] }
    return entries.firstIndex { $0.histogram.labels == labels }
  }

  /// The groups whose series belong to a snapshot with key `key` (see ``VLLMMetrics/Key/matches(_:)``).
  private func candidates(_ key: Key) -> [Int] {
    switch (key.model, key.engine) {
    case (let model?, let engine?):
      let keys: [Key] = [
        .init(model: model, engine: engine), .init(model: model, engine: nil), .init(model: nil, engine: engine),
        .init(model: nil, engine: nil),
      ]
      return keys.compactMap { indexByKey[$0] }
    case (let model?, nil):
      return ((groupsByModel[model] ?? []) + (groupsByModel[nil] ?? [])).filter { key.matches(order[$0]) }
    case (nil, _):
      return order.indices.filter { key.matches(order[$0]) }
    }
  }

  /// Indices (into the family's samples, ascending) of the samples that belong to the snapshot `key`.
  func samples(matching key: Key) -> [Int] {
    let parts = candidates(key).map { samplesOfGroup[$0] }.filter { !$0.isEmpty }
    if parts.count <= 1 { return parts.first ?? [] }
    return parts.flatMap { $0 }.sorted()
  }

  /// The first histogram (in family order) that belongs to the snapshot `key`.
  func firstHistogram(matching key: Key) -> Histogram? {
    var best: Entry?
    for g in candidates(key) {
      if let e = histogramsOfGroup[g].first, e.first < (best?.first ?? .max) { best = e }
    }
    return best?.histogram
  }
}
