/// Percentiles the way `vllm bench serve` computes them (`numpy.percentile`, linear interpolation between the
/// two nearest ranks), so figures recomputed from the per-request arrays match the file's own.
public enum Percentiles {
  /// The `p`-th percentile (0…100) of `values`; nil when empty.
  public static func linear(_ values: [Double], _ p: Double) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let rank = p / 100 * Double(sorted.count - 1)
    let lo = Int(rank.rounded(.down))
    let hi = min(lo + 1, sorted.count - 1)
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - Double(lo))
  }
}
