/// A figure with its unit normalised to the dimension's base unit (bytes, nanoseconds, percent, bytes/s, Hz).
///
/// Nsight prints values scaled for reading (`2.33` `Mbyte`, `6.75` `us`, `13,485` `cycle`). The scale factors
/// are decimal SI (`Kbyte` = 10³ bytes, `Mbyte` = 10⁶) and binary for the IEC names (`KiB` = 2¹⁰); the
/// conversion is done in integer arithmetic on the printed decimal digits, so `2.33 Mbyte` is exactly
/// 2,330,000 bytes and `6.75 usecond` exactly 6,750 ns (docs/kernels.md, "Units").
public struct MetricQuantity: Sendable, Equatable {
  /// The dimension of `value`.
  public var dimension: MetricDimension
  /// The value in the dimension's base unit.
  public var value: Double

  /// Creates a quantity.
  public init(dimension: MetricDimension, value: Double) {
    self.dimension = dimension
    self.value = value
  }

  /// Parses a printed value and unit; nil for an empty value, `n/a` or text that is not a number.
  /// Thousands separators (`13,485`) are accepted. An unknown unit reads as a ``MetricDimension/count``.
  public static func parse(_ value: String, unit: String) -> MetricQuantity? {
    guard let decimal = DecimalText(value) else { return nil }
    let (dimension, numerator, denominator) = scale(of: unit)
    return MetricQuantity(dimension: dimension, value: decimal.times(numerator, over: denominator))
  }

  /// The dimension and the exact factor (`numerator / denominator`) that turns a value printed in `unit`
  /// into the base unit.
  static func scale(of unit: String) -> (MetricDimension, Int64, Int64) {
    let u = unit.trimmingSpaces
    if u == "%" { return (.percent, 1, 1) }
    if let slash = u.firstIndex(of: "/") {
      let top = String(u[..<slash])
      let bottom = String(u[u.index(after: slash)...])
      // Every time unit is a whole divisor of a second, so X per unit is X · (1e9 / ns-per-unit) per second.
      if let (n, d) = byteFactor(top), let (tn, _) = timeFactor(bottom) {
        let (f, overflow) = n.multipliedReportingOverflow(by: 1_000_000_000 / tn)
        return overflow ? (.count, 1, 1) : (.bytesPerSecond, f, d)
      }
      if top == "cycle", let (tn, _) = timeFactor(bottom) { return (.hertz, 1_000_000_000 / tn, 1) }
      return (.count, 1, 1)
    }
    if let (n, d) = byteFactor(u) { return (.bytes, n, d) }
    if let (n, d) = timeFactor(u) { return (.nanoseconds, n, d) }
    switch u.lowercased() {
    case "hz": return (.hertz, 1, 1)
    case "khz": return (.hertz, 1_000, 1)
    case "mhz": return (.hertz, 1_000_000, 1)
    case "ghz": return (.hertz, 1_000_000_000, 1)
    default: return (.count, 1, 1)
    }
  }

  /// Bytes per printed unit, as a fraction.
  private static func byteFactor(_ u: String) -> (Int64, Int64)? {
    switch u {
    case "byte", "bytes", "B": return (1, 1)
    case "Kbyte", "KB", "kB": return (1_000, 1)
    case "Mbyte", "MB": return (1_000_000, 1)
    case "Gbyte", "GB": return (1_000_000_000, 1)
    case "Tbyte", "TB": return (1_000_000_000_000, 1)
    case "Kibyte", "KiB": return (1 << 10, 1)
    case "Mibyte", "MiB": return (1 << 20, 1)
    case "Gibyte", "GiB": return (1 << 30, 1)
    case "Tibyte", "TiB": return (1 << 40, 1)
    default: return nil
    }
  }

  /// Nanoseconds per printed unit, as a fraction.
  private static func timeFactor(_ u: String) -> (Int64, Int64)? {
    switch u {
    case "nsecond", "ns", "nanosecond", "nanoseconds": return (1, 1)
    case "usecond", "us", "µs", "μs", "microsecond", "microseconds": return (1_000, 1)
    case "msecond", "ms", "millisecond", "milliseconds": return (1_000_000, 1)
    case "second", "s", "sec", "seconds": return (1_000_000_000, 1)
    default: return nil
    }
  }
}
