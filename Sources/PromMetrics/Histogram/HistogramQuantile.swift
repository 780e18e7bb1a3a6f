/// PromQL's `histogram_quantile` over classic buckets, reproduced rule for rule so results match a Grafana
/// panel built on `histogram_quantile(φ, rate(x_bucket[…]))`.
///
/// The rules (Prometheus `promql/quantile.go`, `BucketQuantile`):
/// - φ NaN → NaN; φ < 0 → −Inf; φ > 1 → +Inf;
/// - buckets are sorted by upper bound; the highest must be +Inf, else NaN;
/// - buckets with equal upper bounds are merged (counts added);
/// - differences between neighbouring counts with a relative size ≤ 1e-12 are ignored in either direction
///   (floating-point noise), then any decrease is removed by carrying the previous count forward;
/// - fewer than 2 buckets, or 0 observations (the +Inf count), → NaN;
/// - rank = φ × observations; the first bucket (ignoring +Inf) whose count ≥ rank holds the quantile;
/// - none → the upper bound of the last finite bucket;
/// - the first bucket with an upper bound ≤ 0 → that bound; otherwise its lower bound is 0;
/// - inside the bucket, linear interpolation: lower + (upper − lower) × (rank − below) / (in bucket).
public enum HistogramQuantile {
  /// Relative difference between neighbouring bucket counts treated as floating-point noise.
  public static let smallDeltaTolerance = 1e-12

  /// The φ-quantile of `buckets` (`(upperBound, cumulativeCount)`, any order); NaN where PromQL gives NaN.
  public static func bucketQuantile(_ q: Double, _ input: [(upperBound: Double, count: Double)]) -> Double {
    if q.isNaN { return .nan }
    if q < 0 { return -.infinity }
    if q > 1 { return .infinity }
    guard !input.isEmpty else { return .nan }
    // A stable sort by bound; input already in order (a histogram's buckets) is kept as it is.
    let ascending = input.indices.dropFirst().allSatisfy { input[$0 - 1].upperBound <= input[$0].upperBound }
    let sorted =
      ascending
      ? input
      : input.enumerated().sorted { a, b in
        a.element.upperBound != b.element.upperBound
          ? a.element.upperBound < b.element.upperBound : a.offset < b.offset
      }.map(\.element)
    guard let top = sorted.last, top.upperBound == .infinity else { return .nan }
    var buckets = coalesced(sorted)
    ensureMonotonic(&buckets)
    guard buckets.count >= 2 else { return .nan }
    let observations = buckets[buckets.count - 1].count
    guard observations != 0 else { return .nan }
    var rank = q * observations
    // Binary search over all but the +Inf bucket for the first count ≥ rank.
    var lo = 0
    var hi = buckets.count - 1
    while lo < hi {
      let mid = (lo + hi) / 2
      if buckets[mid].count >= rank { hi = mid } else { lo = mid + 1 }
    }
    let b = lo
    if b == buckets.count - 1 { return buckets[buckets.count - 2].upperBound }
    if b == 0 && buckets[0].upperBound <= 0 { return buckets[0].upperBound }
    var start = 0.0
    let end = buckets[b].upperBound
    var inBucket = buckets[b].count
    if b > 0 {
      start = buckets[b - 1].upperBound
      inBucket -= buckets[b - 1].count
      rank -= buckets[b - 1].count
    }
    return start + (end - start) * (rank / inBucket)
  }

  /// Merges neighbours with the same upper bound (input sorted).
  static func coalesced(_ sorted: [(upperBound: Double, count: Double)]) -> [(upperBound: Double, count: Double)] {
    var out: [(upperBound: Double, count: Double)] = []
    out.reserveCapacity(sorted.count)
    for b in sorted {
      if let last = out.last, last.upperBound == b.upperBound {
        out[out.count - 1].count += b.count
      } else {
        out.append(b)
      }
    }
    return out
  }

  /// Ignores noise-sized differences, then removes decreases; `previous` moves only on a real increase.
  static func ensureMonotonic(_ buckets: inout [(upperBound: Double, count: Double)]) {
    guard var previous = buckets.first?.count else { return }
    for i in buckets.indices.dropFirst() {
      let current = buckets[i].count
      if current == previous { continue }
      if almostEqual(previous, current, smallDeltaTolerance) || current < previous {
        buckets[i].count = previous
        continue
      }
      previous = current
    }
  }

  /// Prometheus' `almost.Equal`: relative comparison, with an absolute floor near zero.
  static func almostEqual(_ a: Double, _ b: Double, _ epsilon: Double) -> Bool {
    if a.isNaN && b.isNaN { return true }
    if a == b { return true }
    let absSum = abs(a) + abs(b)
    let diff = abs(a - b)
    let minNormal = Double.leastNormalMagnitude
    if a == 0 || b == 0 || absSum < minNormal { return diff < epsilon * minNormal }
    return diff / min(absSum, Double.greatestFiniteMagnitude) < epsilon
  }
}
