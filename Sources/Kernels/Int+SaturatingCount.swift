extension Int {
  /// A count read as a `Double`, clamped to 0…2⁵³ (a damaged value never traps).
  init(saturatingCount x: Double) {
    self = x.isFinite && x > 0 ? Int(Swift.min(x, 9_007_199_254_740_992).rounded()) : 0
  }
}
