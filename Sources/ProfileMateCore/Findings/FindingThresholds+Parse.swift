extension FindingThresholds {
  /// The defaults with each `NAME=VALUE` assignment applied in turn (a later one wins).
  public static func parse(_ assignments: [String]) throws(ThresholdError) -> FindingThresholds {
    var t = FindingThresholds()
    for a in assignments { try t.apply(a) }
    return t
  }

  /// Applies one `NAME=VALUE` assignment (`kv_pressure_pct=95`); spaces around either side are ignored.
  public mutating func apply(_ assignment: String) throws(ThresholdError) {
    guard let eq = assignment.firstIndex(of: "=") else { throw .malformed(assignment) }
    let name = assignment[..<eq].trimmingSpaces()
    let text = assignment[assignment.index(after: eq)...].trimmingSpaces()
    guard !name.isEmpty, !text.isEmpty else { throw .malformed(assignment) }
    try set(name, to: text)
  }

  /// Sets the threshold `name` to the number `text`, checked against its unit.
  public mutating func set(_ name: String, to text: String) throws(ThresholdError) {
    guard let threshold = Self.threshold(named: name) else {
      throw .unknownName(name, suggestions: Self.closeNames(to: name))
    }
    let unit = threshold.unit
    let expected = unit.range + " (\(threshold.name): \(threshold.meaning))"
    guard let value = Double(text), unit.allows(value) else {
      throw .badValue(name: name, value: text, expected: expected)
    }
    self[threshold] = value
  }

  /// Up to three threshold names close to `name`: those sharing a word with it, or within a third of its
  /// length in edits, closest first.
  static func closeNames(to name: String) -> [String] {
    let words = Set(name.lowercased().split(separator: "_").filter { $0.count > 2 && $0 != "pct" })
    let scored = all.map { t -> (name: String, distance: Int, shared: Int) in
      let shared = Set(t.name.split(separator: "_")).intersection(words).count
      return (t.name, editDistance(name.lowercased(), t.name), shared)
    }
    let limit = max(2, name.count / 3)
    return
      scored
      .filter { $0.distance <= limit || $0.shared > 0 }
      .sorted { ($0.distance, -$0.shared, $0.name) < ($1.distance, -$1.shared, $1.name) }
      .prefix(3).map(\.name)
  }

  /// Levenshtein distance between two strings (by character).
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}

extension Substring {
  /// The text without leading and trailing spaces and tabs.
  fileprivate func trimmingSpaces() -> String {
    var s = self
    while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
    while let c = s.last, c == " " || c == "\t" { s.removeLast() }
    return String(s)
  }
}
