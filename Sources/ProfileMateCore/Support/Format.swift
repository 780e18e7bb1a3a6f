/// Number formatting for reports, without Foundation and independent of the locale.
public enum Format {
  /// `x` with `decimals` digits after the point (`1234.5` → `"1234.50"`); `nan`/`inf` as words.
  public static func fixed(_ x: Double, _ decimals: Int = 1) -> String {
    guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let negative = x < 0
    let scaled = (abs(x) * scale).rounded()
    guard scaled < 9e18 else { return String(x) }
    let v = UInt64(scaled)
    let whole = v / UInt64(scale)
    var out = (negative && v > 0 ? "-" : "") + String(whole)
    if decimals > 0 {
      var frac = String(v % UInt64(scale))
      while frac.count < decimals { frac = "0" + frac }
      out += "." + frac
    }
    return out
  }

  /// An integer with thousands separators (`5863776` → `"5,863,776"`).
  public static func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, ch) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(ch)
    }
    return n < 0 ? "-" + out : out
  }

  /// A count held in a `Double` (a Prometheus counter): grouped digits when it is a whole number that fits,
  /// else as ``auto(_:)`` writes it (never traps on NaN, infinities or huge values).
  public static func count(_ x: Double) -> String {
    if x.isFinite, x == x.rounded(), let n = Int(exactly: x) { return grouped(n) }
    return auto(x)
  }

  /// A value with a sensible number of decimals for its size (`0.0123`, `1.23`, `123.4`, `12,345`).
  public static func auto(_ x: Double) -> String {
    guard x.isFinite else { return fixed(x) }
    let a = abs(x)
    if a >= 10_000 { return Int(exactly: x.rounded()).map(grouped) ?? "\(x)" }
    if a >= 100 { return fixed(x, 1) }
    if a >= 1 { return fixed(x, 2) }
    if a == 0 { return "0" }
    return fixed(x, 4)
  }

  /// A percentage with one decimal (`12.3%`).
  public static func pct(_ x: Double) -> String { fixed(x, 1) + "%" }

  /// Milliseconds with two decimals (`9.57 ms`).
  public static func ms(_ x: Double) -> String { fixed(x, 2) + " ms" }

  /// A list of line numbers for evidence (`lines 12, 40, 77`; long lists shortened).
  public static func lines(_ lines: [Int]) -> String {
    guard !lines.isEmpty else { return "" }
    let shown = lines.prefix(5).map(String.init).joined(separator: ", ")
    let more = lines.count > 5 ? " (+\(lines.count - 5) more)" : ""
    return (lines.count == 1 ? "line " : "lines ") + shown + more
  }
}

extension Format {
  /// A number with an explicit sign (`+8.4`, `-3.0`, `0.0`), `decimals` digits after the point; infinities
  /// as `+inf` / `-inf`.
  public static func signed(_ x: Double, decimals: Int = 1) -> String {
    if x.isInfinite { return x > 0 ? "+inf" : "-inf" }
    let text = fixed(x, decimals)
    return text.hasPrefix("-") || fixed(abs(x), decimals) == fixed(0, decimals) ? text : "+" + text
  }
}
