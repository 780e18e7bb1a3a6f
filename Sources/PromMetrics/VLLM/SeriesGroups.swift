/// The layout of one family's samples, grouped by their (`model_name`, `engine`) labels in one pass — and, for
/// a histogram family, which samples make up each histogram — that ``VLLMMetrics/snapshots(_:)`` reads for
/// every snapshot key, so that a scrape of E engines costs O(samples) rather than O(E × samples). It holds
/// sample indices only, so the layout of one scrape serves the next scrape of the same layout (the same
/// ``Exposition/layoutID``): only the values are read again.
///
/// A histogram's series all carry the same `model_name` and `engine`, so building the histograms of each group
/// gives exactly ``MetricFamily/histograms``, split by group (the differential tests check it).
struct SeriesGroups: Sendable {
  typealias Key = VLLMMetrics.Key

  /// One histogram of the family: its labels (without `le`, sorted) and the samples behind each part.
  struct Entry: Sendable {
    /// Index of its first sample (its place in ``MetricFamily/histograms``).
    var first: Int
    /// The labels without `le`.
    var labels: Labels
    /// Bucket bounds, ascending (a stable sort by bound, +Inf last), with each bucket's sample.
    var buckets: [(bound: Double, sample: Int)] = []
    /// The last `_count`, `_sum` and `_created` samples.
    var count: Int?
    var sum: Int?
    var created: Int?

    /// The histogram with the values of `samples`.
    func histogram(_ samples: [Sample]) -> Histogram {
      Histogram(
        labels: labels,
        buckets: buckets.map {
          Histogram.Bucket(upperBound: $0.bound, count: samples[$0.sample].value, line: samples[$0.sample].line)
        },
        count: count.map { samples[$0].value }, sum: sum.map { samples[$0].value },
        created: created.map { samples[$0].value }, line: samples[first].line)
    }
  }

  /// Group keys in order of first appearance.
  private(set) var order: [Key] = []
  private var indexByKey: [Key: Int] = [:]
  /// Sample indices of each group, ascending (families other than histograms).
  private var samplesOfGroup: [[Int]] = []
  /// Histograms of each group in order of first appearance (histogram families).
  private(set) var entriesOfGroup: [[Entry]] = []
  /// Groups by model (nil: series without `model_name`), for keys that leave the engine open.
  private var groupsByModel: [String?: [Int]] = [:]

  init(_ family: MetricFamily) {
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
          if let known = Self.find(labels, in: entriesOfGroup[g], index: histogramIndex[g]) {
            h = known
          } else {
            h = entriesOfGroup[g].count
            entriesOfGroup[g].append(Entry(first: i, labels: labels))
            if h >= 16 {
              if histogramIndex[g] == nil {
                histogramIndex[g] = Dictionary(
                  entriesOfGroup[g].enumerated().map { ($0.element.labels, $0.offset) }, uniquingKeysWith: { a, _ in a }
                )
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
        entriesOfGroup[g][h].buckets.append((le, i))
      case .count: entriesOfGroup[g][h].count = i
      case .sum: entriesOfGroup[g][h].sum = i
      case .created: entriesOfGroup[g][h].created = i
      default: continue
      }
    }
    for g in entriesOfGroup.indices {
      for h in entriesOfGroup[g].indices {
        let b = entriesOfGroup[g][h].buckets
        if !b.indices.dropFirst().allSatisfy({ b[$0 - 1].bound <= b[$0].bound }) {
          // The same stable sort as MetricFamily.histograms.
          entriesOfGroup[g][h].buckets = b.enumerated().sorted { x, y in
            x.element.bound != y.element.bound ? x.element.bound < y.element.bound : x.offset < y.offset
          }.map(\.element)
        }
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
    entriesOfGroup.append([])
    return g
  }

  /// Whether two label sets have the same `model_name` and `engine`.
  private static func sameKey(_ a: Labels, _ b: Labels) -> Bool {
    a["engine"] == b["engine"] && a["model_name"] == b["model_name"]
  }

  /// The position of the histogram with these labels among a group's.
  private static func find(_ labels: Labels, in entries: [Entry], index: [Labels: Int]?) -> Int? {
    if let index { return index[labels] }
    return entries.firstIndex { $0.labels == labels }
  }

  /// The groups whose series belong to a snapshot with key `key` (see ``VLLMMetrics/Key/matches(_:)``).
  func candidates(_ key: Key) -> [Int] {
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

  /// Indices (into the family's samples, ascending) of the samples of these groups — a snapshot key's
  /// ``candidates(_:)``, the samples that belong to its snapshot.
  func samples(inGroups groups: [Int]) -> [Int] {
    let parts = groups.map { samplesOfGroup[$0] }.filter { !$0.isEmpty }
    if parts.count <= 1 { return parts.first ?? [] }
    return parts.flatMap { $0 }.sorted()
  }

  /// The first histogram (in family order) of these groups — a snapshot key's ``candidates(_:)`` — with the
  /// values of `samples`.
  func firstHistogram(inGroups groups: [Int], _ samples: [Sample]) -> Histogram? {
    var best: Entry?
    for g in groups {
      if let e = entriesOfGroup[g].first, e.first < (best?.first ?? .max) { best = e }
    }
    return best?.histogram(samples)
  }
}
