/// `cudagraph_capture_sizes`: a capture-size list fitted to this traffic pads noticeably less, while padding
/// itself stays under the padding rule's threshold.
package struct CaptureSizesRule: LogFindingRule {
  package let info = RuleInfo(
    id: "cudagraph_capture_sizes", area: .cudaGraphs, sources: [.log], severities: [.info],
    summary:
      "cudagraph_padding does not fire, but a fitted capture-size list saves ≥ fitted_list_gain_pct_points of "
      + "padding",
    thresholds: ["fitted_list_gain_pct_points", "padding_overhead_pct"])

  package init() {}

  package func evaluate(_ a: RunAnalysis, _ t: FindingThresholds) -> [Finding] {
    guard let e = a.cudagraphEconomics, let f = e.fitted, let before = e.padding.paddingOverheadPct,
      let after = f.padding.paddingOverheadPct, before - after >= t.fittedListGainPctPoints,
      GraphPaddingRule().evaluate(a, t).isEmpty
    else { return [] }
    return [
      Finding(
        id: info.id, severity: .info,
        title: "A capture-size list fitted to this traffic pads \(Format.pct(after)) instead of \(Format.pct(before))",
        evidence: [
          Evidence(
            "\(Format.grouped(e.padding.paddingTokens)) → \(Format.grouped(f.padding.paddingTokens)) padding tokens "
              + "over \(Format.grouped(e.padding.steps)) steps (\(e.basis.rawValue)), \(e.rule.captureSizes.count) → "
              + "\(f.captureSizes.count) sizes, eager steps \(e.padding.eagerSteps) → \(f.padding.eagerSteps)")
        ],
        recommendation: "Capture the sizes this traffic uses: " + f.flag + ".")
    ]
  }
}
