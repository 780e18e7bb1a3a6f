/// A cumulative Prometheus histogram with fixed upper bounds (the `+Inf` bucket is implied).
public struct Histogram: Sendable, Equatable {
  /// Upper bounds, ascending.
  public let bounds: [Double]
  /// Observations per bucket (not cumulative); the last entry is the `+Inf` bucket.
  public private(set) var counts: [Int]
  /// Sum of observations.
  public private(set) var sum = 0.0
  /// Number of observations.
  public private(set) var count = 0

  /// Creates an empty histogram.
  public init(bounds: [Double]) {
    self.bounds = bounds
    counts = Array(repeating: 0, count: bounds.count + 1)
  }

  /// Adds one observation (`le` semantics: a value equal to a bound falls in that bucket).
  public mutating func observe(_ v: Double) {
    var lo = 0
    var hi = bounds.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if bounds[mid] >= v { hi = mid } else { lo = mid + 1 }
    }
    counts[lo] += 1
    sum += v
    count += 1
  }

  /// vLLM's `build_1_2_5_buckets(max)`: 1, 2, 5, 10, 20, 50, … up to `max`.
  public static func oneTwoFive(upTo max: Int) -> [Double] {
    var out: [Double] = []
    var exponent = 1.0
    while true {
      for m in [1.0, 2.0, 5.0] {
        let v = m * exponent
        if v > Double(max) { return out }
        out.append(v)
      }
      exponent *= 10
    }
  }

  /// vLLM V1's TTFT buckets (seconds).
  public static let ttftBounds: [Double] = [
    0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0,
    160.0, 640.0, 2560.0,
  ]
  /// vLLM V1's inter-token and time-per-output-token buckets (seconds).
  public static let itlBounds: [Double] = [
    0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0,
  ]
  /// vLLM V1's request-phase buckets (e2e, queue, prefill, decode, inference; seconds).
  public static let phaseBounds: [Double] = [
    0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0, 50.0, 60.0, 120.0, 240.0, 480.0, 960.0,
    1920.0, 7680.0,
  ]
  /// vLLM V1's per-request preemption buckets.
  public static let preemptionBounds: [Double] = [1, 2, 3, 4, 5, 10, 20]

  /// Iteration-token buckets as vLLM 0.32 exposes them (`vllm:iteration_tokens_total`).
  public static let iterationBounds: [Double] = [1, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384]
}
