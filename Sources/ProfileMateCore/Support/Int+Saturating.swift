extension Int {
  /// `value` rounded toward zero and clamped to `Int`'s range (0 for NaN): for figures derived from
  /// input, where a plain `Int(_:)` would trap on a damaged value.
  @inlinable
  public init(saturating value: Double) {
    if value.isNaN {
      self = 0
    } else if value >= 9.223_372_036_854_775e18 {
      self = .max
    } else if value <= -9.223_372_036_854_775e18 {
      self = .min
    } else {
      self = Int(value)
    }
  }
}
