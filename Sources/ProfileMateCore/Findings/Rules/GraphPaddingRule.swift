/// `cudagraph_padding`: CUDA-graph padding wastes a noticeable share of graph tokens.
package struct GraphPaddingRule: LogFindingRule {
  package let info = RuleInfo(
    id: "cudagraph_padding", area: .cudaGraphs, sources: [.log], severities: [.warning],
    summary:
      "padding overhead > padding_overhead_pct (from the CUDA-graph tables, else rebuilt from iteration lines)",
    thresholds: ["padding_overhead_pct"])

  package init() {}

  package func evaluate(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    let e = a.cudagraphEconomics
    var evidence: [Evidence] = []
    let pct: Double
    if let g = a.cudagraph, let p = g.paddingOverheadPct {
      pct = p
      let top = g.topPaddedSizes.prefix(3).map { "size \($0.key): \(Format.grouped($0.paddingTokens)) padding tokens" }
      evidence = [
        Evidence(
          "\(Format.grouped(g.paddingTokens)) padding of \(Format.grouped(g.paddedTokens)) padded tokens "
            + "over \(Format.grouped(g.steps)) steps", line: g.firstLine),
        Evidence("most padded: " + top.joined(separator: "; ")),
      ]
    } else if let e, e.basis == .iterationLines, let p = e.padding.paddingOverheadPct {
      pct = p
      let top = e.padding.topPaddedSizes.prefix(3).map {
        "size \($0.size): \(Format.grouped($0.slice.paddingTokens)) padding tokens"
      }
      evidence = [
        Evidence(
          "\(Format.grouped(e.padding.paddingTokens)) padding of \(Format.grouped(e.padding.paddedTokens)) padded "
            + "tokens over \(Format.grouped(e.padding.steps)) steps (rebuilt from iteration lines and the capture "
            + "sizes)", lines: [a.steps?.firstLine].compactMap { $0 }),
        Evidence("most padded: " + top.joined(separator: "; ")),
      ]
    } else {
      return []
    }
    guard pct > t.paddingOverheadPct else { return [] }
    if let time = e?.time {
      evidence.append(
        Evidence("estimated \(Format.ms(time.paddingMsPer1000Steps)) of padding per 1,000 steps (fitted step times)"))
    }
    var recommendation =
      "Add capture sizes where steps cluster, e.g. --compilation-config "
      + "'{\"cudagraph_capture_sizes\": [...]}' with sizes just above the most common batch sizes."
    if let f = e?.fitted, let after = f.padding.paddingOverheadPct {
      evidence.append(
        Evidence(
          "a fitted list of \(f.captureSizes.count) sizes pads \(Format.pct(after)) (profilemate cudagraph LOG)"))
      recommendation = "Capture the sizes this traffic uses: " + f.flag + "."
    }
    return [
      Finding(
        id: info.id, severity: .warning,
        title: "CUDA-graph padding wastes \(Format.pct(pct)) of graph tokens", evidence: evidence,
        recommendation: recommendation)
    ]
  }
}
