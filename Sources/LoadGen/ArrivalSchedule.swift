/// When each request is due, in seconds from the start: `vllm bench serve`'s arrival process. With a finite
/// `--request-rate` the gaps are gamma-distributed with shape `--burstiness` (1 = Poisson) and mean
/// 1/rate; as recent `vllm bench serve` does, the cumulative delays are then scaled so that the last one is
/// `count / rate` (so the scheduled rate is the requested rate). With `inf` every request is due at 0.
public enum ArrivalSchedule {
  /// The due times of `count` requests.
  public static func offsets(count: Int, rate: Double, burstiness: Double, random: inout SeededRandom) -> [Double] {
    guard rate.isFinite, rate > 0, count > 0 else { return Array(repeating: 0, count: max(0, count)) }
    let theta = 1 / (rate * burstiness)
    var t = 0.0
    var out: [Double] = []
    out.reserveCapacity(count)
    for _ in 0..<count {
      t += random.gamma(shape: burstiness, scale: theta)
      out.append(t)
    }
    if let last = out.last, last > 0 {
      let factor = (Double(count) / rate) / last
      out = out.map { $0 * factor }
    }
    return out
  }
}
