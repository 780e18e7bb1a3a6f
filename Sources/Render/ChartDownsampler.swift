/// Reduces a long series to what a chart can draw, deterministically: the x range is cut into
/// `buckets` equal columns and each column keeps its lowest and its highest point, so spikes and dips
/// stay visible. A series of at most `2 × buckets` points is kept whole. Used for drawing only; no
/// reported figure comes from it.
struct ChartDownsampler {
  /// A point of the series.
  struct Point: Equatable {
    var x: Double
    var y: Double
  }

  private let lower: Double
  private let width: Double
  private var low: [Point?]
  private var high: [Point?]
  private var raw: [Point] = []
  /// Points offered.
  private(set) var seen = 0

  /// Creates a down-sampler for x in `lower…upper` with `buckets` columns.
  init(lower: Double, upper: Double, buckets: Int) {
    self.lower = lower
    width = upper > lower ? (upper - lower) / Double(buckets) : 1
    low = Array(repeating: nil, count: max(1, buckets))
    high = Array(repeating: nil, count: max(1, buckets))
  }

  /// Offers a point.
  mutating func add(x: Double, y: Double) {
    seen += 1
    if seen <= 2 * low.count { raw.append(Point(x: x, y: y)) } else if !raw.isEmpty { raw = [] }
    let b = min(low.count - 1, max(0, Int(saturating: (x - lower) / width)))
    if let l = low[b] {
      if y < l.y { low[b] = Point(x: x, y: y) }
    } else {
      low[b] = Point(x: x, y: y)
    }
    if let h = high[b] {
      if y > h.y { high[b] = Point(x: x, y: y) }
    } else {
      high[b] = Point(x: x, y: y)
    }
  }

  /// Whether the series was reduced (more than `2 × buckets` points offered).
  var isReduced: Bool { seen > 2 * low.count }

  /// The kept points: all of them when not reduced, else in column order (a column's two points in
  /// their own x order; one when they coincide).
  var points: [Point] {
    if !isReduced { return raw }
    var out: [Point] = []
    for b in low.indices {
      guard let l = low[b], let h = high[b] else { continue }
      if l == h {
        out.append(l)
      } else if l.x <= h.x {
        out += [l, h]
      } else {
        out += [h, l]
      }
    }
    return out
  }
}
