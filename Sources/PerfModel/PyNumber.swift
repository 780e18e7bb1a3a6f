/// A number with Python's arithmetic semantics, so that perf.py's formulas can be reproduced to the last digit.
///
/// perf.py mixes Python `int` (exact, unbounded) and `float` (IEEE double) values: a product stays an `int`
/// until a `float` factor enters (a fractional layer count under pipeline parallelism, a 0.5-byte weight), and
/// from then on every step is rounded as a double. `int()` finally truncates toward zero. `PyNumber` follows the
/// same rules, evaluated left to right as Python does. Integers are 64-bit; a product that would not fit
/// becomes `.overflow` (sticky), which ``exactInt()`` reports instead of wrapping or trapping.
public enum PyNumber: Sendable, Hashable, CustomStringConvertible {
  /// An exact integer (Python `int`).
  case int(Int)
  /// A double (Python `float`).
  case float(Double)
  /// An integer result that does not fit in 64 bits.
  case overflow

  /// Python's `float(x)` of this value, when it has one.
  public var doubleValue: Double? {
    switch self {
    case .int(let i): return Double(i)
    case .float(let d): return d
    case .overflow: return nil
    }
  }

  /// Python's `int(x)`: the integer itself, or the double truncated toward zero; `nil` on overflow or when the
  /// double is not finite or out of range.
  public func exactInt() -> Int? {
    switch self {
    case .int(let i): return i
    case .float(let d):
      guard d.isFinite, d > -9.223_372_036_854_775_8e18, d < 9.223_372_036_854_775_8e18 else { return nil }
      return Int(d)
    case .overflow: return nil
    }
  }

  /// Whether the value is Python-truthy (non-zero).
  public var isNonZero: Bool {
    switch self {
    case .int(let i): return i != 0
    case .float(let d): return d != 0
    case .overflow: return true
    }
  }

  public var description: String {
    switch self {
    case .int(let i): return String(i)
    case .float(let d): return String(d)
    case .overflow: return "overflow"
    }
  }

  /// Python `a * b`.
  public static func * (a: PyNumber, b: PyNumber) -> PyNumber {
    switch (a, b) {
    case (.int(let x), .int(let y)):
      let (p, o) = x.multipliedReportingOverflow(by: y)
      return o ? .overflow : .int(p)
    case (.overflow, _), (_, .overflow): return .overflow
    default:
      return .float((a.doubleValue ?? 0) * (b.doubleValue ?? 0))
    }
  }

  /// Python `a + b`.
  public static func + (a: PyNumber, b: PyNumber) -> PyNumber {
    switch (a, b) {
    case (.int(let x), .int(let y)):
      let (s, o) = x.addingReportingOverflow(y)
      return o ? .overflow : .int(s)
    case (.overflow, _), (_, .overflow): return .overflow
    default:
      return .float((a.doubleValue ?? 0) + (b.doubleValue ?? 0))
    }
  }

  /// Python `a * b` with a plain integer on the right.
  public static func * (a: PyNumber, b: Int) -> PyNumber { a * .int(b) }
  /// Python `a * b` with a plain integer on the left.
  public static func * (a: Int, b: PyNumber) -> PyNumber { .int(a) * b }
  /// Python `a + b` with a plain integer on the right.
  public static func + (a: PyNumber, b: Int) -> PyNumber { a + .int(b) }
}
