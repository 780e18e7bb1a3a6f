import ProfileMateCore

/// The plain-text view of ``CudaGraphEconomics``: `profilemate cudagraph` and the report's CUDA-graph section.
public enum CudaGraphText {
  /// The lines, indented by two spaces.
  public static func render(_ e: CudaGraphEconomics) -> String {
    blocks(e).map { TextReport.render($0, style: TextStyle(color: false)) }.joined()
  }

  /// The economics as report blocks: a facts table, then the fitted sizes, the flag, the mode advice and the
  /// assumptions as lines.
  static func blocks(_ e: CudaGraphEconomics) -> [ReportBlock] {
    var t: [(label: String, value: String)] = []
    let p = e.padding
    let basis: String
    switch e.basis {
    case .iterationLines: basis = "iteration lines, padded by the capture sizes"
    case .cudagraphTables: basis = "--cudagraph-metrics tables, padded by the capture sizes"
    case .histogram: basis = "histogram"
    }
    t.append(("padding estimate from", basis))
    t.append(
      ("mode / capture sizes", "\(e.rule.mode.rawValue), \(sizesText(e.rule.captureSizes)), \(p.graphCount) graphs"))
    t.append(("steps", Format.grouped(p.steps)))
    t.append(
      (
        "padding",
        "\(Format.grouped(p.paddingTokens)) of \(Format.grouped(p.paddedTokens)) padded tokens ("
          + (p.paddingOverheadPct.map(Format.pct) ?? "—") + ")"
      ))
    for mode in CudaGraphRuntimeMode.allCases.sorted(by: >) {
      guard let s = p.byRuntimeMode[mode] else { continue }
      t.append(
        ("  \(mode.rawValue)", "\(Format.grouped(s.steps)) steps, \(Format.grouped(s.paddingTokens)) padding tokens"))
    }
    if !p.topPaddedSizes.isEmpty {
      t.append(
        (
          "most padded sizes",
          p.topPaddedSizes.prefix(3).map { "\($0.size) (\(Format.grouped($0.slice.paddingTokens)))" }
            .joined(separator: ", ")
        ))
    }
    var eager = "\(Format.grouped(p.eagerSteps)) (\(Format.grouped(p.eagerTokens)) tokens"
    if let r = p.eagerTokenRange { eager += ", \(Format.grouped(r.lowerBound))…\(Format.grouped(r.upperBound)) each" }
    t.append(("eager steps", eager + ")"))
    if let c = e.crossCheck {
      t.append(
        (
          "cross-check with tables",
          (c.agree ? "agrees" : "DISAGREES") + ": "
            + "\(c.tableOverheadPct.map(Format.pct) ?? "—") over \(Format.grouped(c.tableSteps)) steps (tables) vs "
            + "\(c.iterationOverheadPct.map(Format.pct) ?? "—") over \(Format.grouped(c.iterationSteps)) (iteration lines)"
        ))
    }
    if let time = e.time {
      t.append(
        (
          "time (estimate)",
          "padding ≈ \(Format.ms(time.paddingMsPer1000Steps)), eager steps \(Format.ms(time.eagerMsPer1000Steps)) "
            + "per 1,000 steps"
            + (time.paddingTokensWithoutUsableFit > 0
              ? " (+\(Format.grouped(time.paddingTokensWithoutUsableFit)) tokens unpriced)"
              : "")
        ))
      for kind in [StepKind.decode, .mixed, .prefill] {
        guard let f = time.fits[kind] else { continue }
        t.append(
          (
            "  fit \(kind.rawValue)",
            "\(Format.fixed(f.interceptMs, 3)) ms + \(Format.fixed(f.msPerToken * 1000, 3)) ms/1k tokens, R² "
              + (f.rSquared.map { Format.fixed($0, 3) } ?? "—") + ", \(Format.grouped(f.steps)) steps"
              + (f.explainsTheData ? "" : " — not used (R² < 0.5)")
          ))
      }
    }
    if let f = e.fitted {
      t.append(
        (
          "fitted list (≤ \(f.maxSizes) sizes)",
          "\(sizesText(f.captureSizes)), \(f.padding.graphCount) graphs: padding "
            + (f.padding.paddingOverheadPct.map(Format.pct) ?? "—")
            + ", eager steps \(Format.grouped(f.padding.eagerSteps))"
        ))
      if let s = f.captureSecondsChange {
        t.append(
          (
            "  capture change (estimate)",
            "\(Format.fixed(s, 1)) s" + (f.captureGiBChange.map { ", \(Format.fixed($0, 3)) GiB" } ?? "")
          ))
      }
    }
    t.append(("mode advice", e.advice.recommended.rawValue + (e.advice.changeAdvised ? " (change)" : " (keep)")))
    var lines: [String] = []
    if let f = e.fitted { lines.append("fitted sizes: \(f.captureSizes.map(String.init).joined(separator: ", "))") }
    if let f = e.fitted { lines.append("flag: \(f.flag)") }
    lines += e.advice.path.map { "mode: \($0)" }
    lines += e.advice.overrides.map { "mode evidence: \($0)" }
    lines += e.assumptions.map { "assumed: \($0)" }
    return lines.isEmpty ? [.facts(t)] : [.facts(t), .plain(lines)]
  }

  static func sizesText(_ sizes: [Int]) -> String {
    sizes.isEmpty ? "no sizes" : "\(sizes.count) sizes \(sizes.first ?? 0)…\(sizes.last ?? 0)"
  }
}
