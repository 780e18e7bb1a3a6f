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

  /// `self + other`, clamped to `Int`'s range instead of trapping.
  @inlinable
  public func saturatingAdd(_ other: Int) -> Int {
    let (sum, overflow) = addingReportingOverflow(other)
    return overflow ? (other > 0 ? .max : .min) : sum
  }

  /// `self × other`, clamped to `Int`'s range instead of trapping.
  @inlinable
  public func saturatingMultiply(_ other: Int) -> Int {
    let (product, overflow) = multipliedReportingOverflow(by: other)
    return overflow ? ((self < 0) != (other < 0) ? .min : .max) : product
  }
}
