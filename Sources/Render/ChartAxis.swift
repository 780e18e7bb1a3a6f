import ProfileMateCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One axis of a chart: its range, scale and tick marks.
struct ChartAxis: Equatable {
  /// The smallest value shown.
  var lower: Double
  /// The largest value shown.
  var upper: Double
  /// Whether values are placed by their logarithm.
  var logarithmic: Bool
  /// Tick positions (values), ascending.
  var ticks: [Double]
  /// The step between linear ticks (for label precision).
  var step: Double

  /// A linear axis covering `lo…hi` with about `count` ticks at 1, 2 or 5 × 10ⁿ.
  /// (`0…87` with 5 ticks: raw step 17.4 → 20, ticks 0, 20, 40, 60, 80, 100.)
  static func linear(_ lo: Double, _ hi: Double, count: Int = 5) -> ChartAxis {
    var lo = lo
    var hi = hi
    if !(hi > lo) {
      hi = lo == 0 ? 1 : lo + abs(lo) * 0.5
      lo = lo == 0 ? 0 : lo - abs(lo) * 0.5
    }
    let raw = (hi - lo) / Double(max(1, count))
    let magnitude = pow(10, (log10(raw)).rounded(.down))
    let norm = raw / magnitude
    let step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * magnitude
    let first = (lo / step).rounded(.down) * step
    let last = (hi / step).rounded(.up) * step
    var ticks: [Double] = []
    var i = 0.0
    while first + i * step <= last + step / 1e6 {
      ticks.append(first + i * step)
      i += 1
    }
    return ChartAxis(lower: first, upper: last, logarithmic: false, ticks: ticks, step: step)
  }

  /// A logarithmic axis from the decade at or below `lo` to the decade at or above `hi` (`lo` > 0);
  /// ticks at each power of ten, and at 2 and 5 times it when the axis spans at most two decades.
  static func logarithmic(_ lo: Double, _ hi: Double) -> ChartAxis {
    let a = log10(lo).rounded(.down)
    var b = log10(max(hi, lo)).rounded(.up)
    if b <= a { b = a + 1 }
    var ticks: [Double] = []
    var e = a
    while e <= b {
      let decade = pow(10, e)
      ticks.append(decade)
      if b - a <= 2, e < b { ticks += [2 * decade, 5 * decade] }
      e += 1
    }
    return ChartAxis(lower: pow(10, a), upper: pow(10, b), logarithmic: true, ticks: ticks, step: 0)
  }

  /// Where `v` falls between the ends, from 0 to 1 (clamped).
  func fraction(_ v: Double) -> Double {
    let f: Double
    if logarithmic {
      f = (log10(max(v, lower)) - log10(lower)) / (log10(upper) - log10(lower))
    } else {
      f = (v - lower) / (upper - lower)
    }
    return min(1, max(0, f))
  }

  /// A tick's label: as many decimals as the step needs, thousands grouped.
  func label(_ v: Double) -> String {
    if logarithmic {
      return v >= 1 ? Format.count(v.rounded()) : Format.fixed(v, Int(-log10(v).rounded(.down)))
    }
    if step >= 1 { return Format.count(v.rounded()) }
    return Format.fixed(v, Int(-log10(step).rounded(.down)))
  }
}
