import Foundation

/// A seeded pseudo-random generator (SplitMix64), so a `--seed` gives the same workload and arrivals.
public struct SeededRandom: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// Creates a generator from a seed.
  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform double in (0, 1).
  public mutating func unit() -> Double {
    (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992
  }

  /// A standard normal sample (Box–Muller).
  public mutating func normal() -> Double {
    let u = unit()
    let v = unit()
    return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
  }

  /// A gamma sample with `shape` and `scale` (Marsaglia–Tsang; shape < 1 by boosting).
  public mutating func gamma(shape: Double, scale: Double) -> Double {
    if shape < 1 {
      let g = gamma(shape: shape + 1, scale: 1)
      return g * pow(unit(), 1 / shape) * scale
    }
    let d = shape - 1.0 / 3
    let c = 1 / (9 * d).squareRoot()
    while true {
      var x = 0.0
      var v = 0.0
      repeat {
        x = normal()
        v = 1 + c * x
      } while v <= 0
      v = v * v * v
      let u = unit()
      if u < 1 - 0.0331 * x * x * x * x { return d * v * scale }
      if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v * scale }
    }
  }
}
