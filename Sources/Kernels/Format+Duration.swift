import ProfileMateCore

extension Format {
  /// A duration given in ns, in the unit that suits its size (`812 ns`, `6.75 µs`, `12.34 ms`, `1.50 s`).
  public static func duration(ns: Double) -> String {
    let a = abs(ns)
    if a >= 1e9 { return fixed(ns / 1e9, 2) + " s" }
    if a >= 1e6 { return fixed(ns / 1e6, 2) + " ms" }
    if a >= 1e3 { return fixed(ns / 1e3, 2) + " µs" }
    return auto(ns) + " ns"
  }
}
