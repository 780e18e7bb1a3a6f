import ProfileMateCore

/// The plain-text view of ``CudaGraphEconomics``: `profilemate cudagraph` and the report's CUDA-graph section.
public enum CudaGraphText {
  /// The lines, indented by two spaces.
  public static func render(_ e: CudaGraphEconomics) -> String {
    var t = TextTable()
    let p = e.padding
    let basis: String
    switch e.basis {
    case .iterationLines: basis = "iteration lines, padded by the capture sizes"
    case .cudagraphTables: basis = "--cudagraph-metrics tables, padded by the capture sizes"
    case .histogram: basis = "histogram"
    }
    t.add("padding estimate from", basis)
    t.add("mode / capture sizes", "\(e.rule.mode.rawValue), \(sizesText(e.rule.captureSizes)), \(p.graphCount) graphs")
    t.add("steps", Format.grouped(p.steps))
    t.add(
      "padding",
      "\(Format.grouped(p.paddingTokens)) of \(Format.grouped(p.paddedTokens)) padded tokens ("
        + (p.paddingOverheadPct.map(Format.pct) ?? "—") + ")")
    for mode in CudaGraphRuntimeMode.allCases.sorted(by: >) {
      guard let s = p.byRuntimeMode[mode] else { continue }
      t.add("  \(mode.rawValue)", "\(Format.grouped(s.steps)) steps, \(Format.grouped(s.paddingTokens)) padding tokens")
    }
    if !p.topPaddedSizes.isEmpty {
      t.add(
        "most padded sizes",
        p.topPaddedSizes.prefix(3).map { "\($0.size) (\(Format.grouped($0.slice.paddingTokens)))" }
          .joined(separator: ", "))
    }
    var eager = "\(Format.grouped(p.eagerSteps)) (\(Format.grouped(p.eagerTokens)) tokens"
    if let r = p.eagerTokenRange { eager += ", \(Format.grouped(r.lowerBound))…\(Format.grouped(r.upperBound)) each" }
    t.add("eager steps", eager + ")")
    if let c = e.crossCheck {
      t.add(
        "cross-check with tables",
        (c.agree ? "agrees" : "DISAGREES") + ": "
          + "\(c.tableOverheadPct.map(Format.pct) ?? "—") over \(Format.grouped(c.tableSteps)) steps (tables) vs "
          + "\(c.iterationOverheadPct.map(Format.pct) ?? "—") over \(Format.grouped(c.iterationSteps)) (iteration lines)"
      )
    }
    if let time = e.time {
      t.add(
        "time (estimate)",
        "padding ≈ \(Format.ms(time.paddingMsPer1000Steps)), eager steps \(Format.ms(time.eagerMsPer1000Steps)) "
          + "per 1,000 steps")
      for kind in [StepKind.decode, .mixed, .prefill] {
        guard let f = time.fits[kind] else { continue }
        t.add(
          "  fit \(kind.rawValue)",
          "\(Format.fixed(f.interceptMs, 3)) ms + \(Format.fixed(f.msPerToken * 1000, 3)) ms/1k tokens, R² "
            + (f.rSquared.map { Format.fixed($0, 3) } ?? "—") + ", \(Format.grouped(f.steps)) steps")
      }
    }
    if let f = e.fitted {
      t.add(
        "fitted list (≤ \(f.maxSizes) sizes)",
        "\(sizesText(f.captureSizes)), \(f.padding.graphCount) graphs: padding "
          + (f.padding.paddingOverheadPct.map(Format.pct) ?? "—")
          + ", eager steps \(Format.grouped(f.padding.eagerSteps))")
      if let s = f.captureSecondsChange {
        t.add(
          "  capture change (estimate)",
          "\(Format.fixed(s, 1)) s" + (f.captureGiBChange.map { ", \(Format.fixed($0, 3)) GiB" } ?? ""))
      }
    }
    t.add("mode advice", e.advice.recommended.rawValue + (e.advice.changeAdvised ? " (change)" : " (keep)"))
    var out = t.render()
    if let f = e.fitted { out += "  fitted sizes: \(f.captureSizes.map(String.init).joined(separator: ", "))\n" }
    if let f = e.fitted { out += "  flag: \(f.flag)\n" }
    for step in e.advice.path { out += "  mode: \(step)\n" }
    for o in e.advice.overrides { out += "  mode evidence: \(o)\n" }
    for a in e.assumptions { out += "  assumed: \(a)\n" }
    return out
  }

  static func sizesText(_ sizes: [Int]) -> String {
    sizes.isEmpty ? "no sizes" : "\(sizes.count) sizes \(sizes.first ?? 0)…\(sizes.last ?? 0)"
  }
}
