/// A small, fast, seeded pseudo-random generator (Steele, Lea and Flood's SplitMix64, as in Vigna's
/// reference `splitmix64.c`), so that bootstrap resamples and samples of steps are the same on every
/// machine and every run for a given seed.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// Creates a generator whose sequence is fixed by `seed`.
  public init(seed: UInt64) {
    state = seed
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform integer in `0..<bound` (`bound` > 0), by Lemire's multiply-and-shift: the high word of
  /// `next() × bound`. Its bias is below `bound ÷ 2⁶⁴`, far below anything a bootstrap can notice.
  public mutating func below(_ bound: Int) -> Int {
    Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
  }
}
