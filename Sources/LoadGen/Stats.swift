/// NumPy-compatible summary statistics (what `vllm bench serve` reports).
public enum Stats {
  /// `np.percentile(values, p)` with linear interpolation; nil for no values.
  public static func percentile(_ sorted: [Double], _ p: Double) -> Double? {
    guard !sorted.isEmpty else { return nil }
    let rank = p / 100 * Double(sorted.count - 1)
    let lo = Int(rank.rounded(.down))
    let hi = min(lo + 1, sorted.count - 1)
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - Double(lo))
  }

  /// Mean; nil for no values.
  public static func mean(_ v: [Double]) -> Double? { v.isEmpty ? nil : v.reduce(0, +) / Double(v.count) }

  /// Population standard deviation (`np.std`); nil for no values.
  public static func std(_ v: [Double]) -> Double? {
    guard let m = mean(v) else { return nil }
    return (v.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(v.count)).squareRoot()
  }
}
