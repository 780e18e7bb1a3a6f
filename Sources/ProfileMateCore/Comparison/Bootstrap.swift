/// How the bootstrap is run: resamples, seed, confidence level and the most steps used per kind.
public struct BootstrapSettings: Sendable, Equatable {
  /// Resamples drawn per comparison.
  public var resamples: Int
  /// The generator's seed: the same seed gives the same intervals.
  public var seed: UInt64
  /// The confidence level of the intervals, in percent.
  public var confidencePct: Double
  /// The most steps of one kind used from one run (a uniform sample beyond it).
  public var sampleLimit: Int

  /// The defaults: 2,000 resamples, seed 20240513, 95 % intervals, at most 5,000 steps per kind and run.
  public init(resamples: Int = 2000, seed: UInt64 = 20_240_513, confidencePct: Double = 95, sampleLimit: Int = 5000) {
    self.resamples = resamples
    self.seed = seed
    self.confidencePct = confidencePct
    self.sampleLimit = sampleLimit
  }
}

/// A confidence interval.
public struct ConfidenceInterval: Sendable, Equatable {
  /// The lower bound.
  public var lower: Double
  /// The upper bound.
  public var upper: Double

  /// Creates an interval.
  public init(lower: Double, upper: Double) {
    self.lower = lower
    self.upper = upper
  }

  /// Whether the interval holds `x`.
  public func contains(_ x: Double) -> Bool { lower <= x && x <= upper }
}

/// The percentile bootstrap for differences of percentiles between two independent samples.
///
/// Each resample draws `n` values with replacement from A's `n` values and `m` from B's `m`, takes the
/// requested percentiles of each (numpy's linear method, as ``Distribution``) and records B − A. The
/// interval is the (100 − c)/2 and 100 − (100 − c)/2 percentiles of those differences (Efron's
/// percentile interval). A resample is drawn as counts over the sorted positions, so a resample of `n`
/// values costs `O(n)` and no sorting.
public enum Bootstrap {
  /// Intervals for `percentile_p(B) − percentile_p(A)`, one per `p` in `percentiles`.
  /// - Parameters:
  ///   - a: A's values, ascending (at least one).
  ///   - b: B's values, ascending (at least one).
  ///   - scale: each value is divided by it (hundredths of a ms → ms: 100).
  public static func differences(
    _ a: [UInt32], _ b: [UInt32], percentiles: [Double], settings: BootstrapSettings,
    rng: inout SplitMix64, scale: Double = 1
  ) -> [ConfidenceInterval] {
    intervals(a, b, percentiles: percentiles, settings: settings, rng: &rng, scale: scale)
  }

  /// Intervals for `percentile_p(B) − percentile_p(A)` of real values (request latencies in ms), one per `p`;
  /// the same method and the same sequence of draws as the integer form.
  /// - Parameters:
  ///   - a: A's values, ascending (at least one).
  ///   - b: B's values, ascending (at least one).
  public static func differences(
    _ a: [Double], _ b: [Double], percentiles: [Double], settings: BootstrapSettings, rng: inout SplitMix64
  ) -> [ConfidenceInterval] {
    intervals(a, b, percentiles: percentiles, settings: settings, rng: &rng, scale: 1)
  }

  static func intervals<T: BootstrapValue>(
    _ a: [T], _ b: [T], percentiles: [Double], settings: BootstrapSettings, rng: inout SplitMix64, scale: Double
  ) -> [ConfidenceInterval] {
    precondition(!a.isEmpty && !b.isEmpty, "the bootstrap needs values on both sides")
    let resamples = max(1, settings.resamples)
    var diffs = [[Double]](repeating: [], count: percentiles.count)
    for i in diffs.indices { diffs[i].reserveCapacity(resamples) }
    var countsA = [Int32](repeating: 0, count: a.count)
    var countsB = [Int32](repeating: 0, count: b.count)
    for _ in 0..<resamples {
      let qa = resampledPercentiles(a, percentiles, counts: &countsA, rng: &rng)
      let qb = resampledPercentiles(b, percentiles, counts: &countsB, rng: &rng)
      for i in percentiles.indices { diffs[i].append((qb[i] - qa[i]) / scale) }
    }
    let tail = (100 - settings.confidencePct) / 2
    return diffs.map { d in
      let sorted = d.sorted()
      return ConfidenceInterval(
        lower: Distribution.percentile(sorted: sorted, tail), upper: Distribution.percentile(sorted: sorted, 100 - tail)
      )
    }
  }

  /// The percentiles of one resample of `sorted` (drawn with replacement, as counts per position).
  static func resampledPercentiles<T: BootstrapValue>(
    _ sorted: [T], _ ps: [Double], counts: inout [Int32], rng: inout SplitMix64
  ) -> [Double] {
    let n = sorted.count
    for i in 0..<n { counts[i] = 0 }
    for _ in 0..<n { counts[rng.below(n)] += 1 }
    // Ranks needed, ascending, and the value at each.
    var ranks: [Int] = []
    for p in ps {
      let h = Double(n - 1) * p / 100
      let lo = Int(h.rounded(.down))
      ranks.append(lo)
      ranks.append(min(lo + 1, n - 1))
    }
    let order = ranks.indices.sorted { ranks[$0] < ranks[$1] }
    var values = [Double](repeating: 0, count: ranks.count)
    var position = 0
    var cumulative = Int(counts[0])
    for slot in order {
      while cumulative <= ranks[slot] {
        position += 1
        cumulative += Int(counts[position])
      }
      values[slot] = sorted[position].bootstrapValue
    }
    return ps.indices.map { i in
      let h = Double(n - 1) * ps[i] / 100
      let frac = h - h.rounded(.down)
      return values[2 * i] + frac * (values[2 * i + 1] - values[2 * i])
    }
  }
}

/// A value the bootstrap resamples: step times in hundredths of a ms, request latencies in ms.
protocol BootstrapValue {
  /// The value as a double.
  var bootstrapValue: Double { get }
}

extension UInt32: BootstrapValue {
  var bootstrapValue: Double { Double(self) }
}

extension Double: BootstrapValue {
  var bootstrapValue: Double { self }
}
