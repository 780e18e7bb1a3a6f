import ProfileMateCore

/// The comparison's confidence intervals as a forest plot: one row per step-time percentile, a bar from
/// the interval's lower to its upper bound, a dot at the difference of the full runs, and the zero line.
struct SVGIntervalChart {
  /// The comparison drawn.
  var comparison: RunComparison

  static let id = "chart-intervals"
  static let rowHeight = 26.0
  static let labelWidth = 150.0

  /// The `<figure>`, or nil when the comparison has no intervals.
  func render() -> String? {
    let rows = comparison.metrics.filter { $0.interval != nil }
    guard !rows.isEmpty else { return nil }
    let w = SVGXYChart.width
    let top = 10.0
    let ph = Double(rows.count) * Self.rowHeight
    let h = top + ph + SVGXYChart.bottom
    let left = Self.labelWidth
    let pw = w - left - SVGXYChart.right
    var values = [0.0]
    for m in rows {
      if let i = m.interval { values += [i.lower, i.upper] }
      if let d = m.difference { values.append(d) }
    }
    let lo = values.min() ?? -1
    let hi = values.max() ?? 1
    let pad = max(hi - lo, 0.01) * 0.05
    let axis = ChartAxis.linear(lo - pad, hi + pad, count: 6)
    func px(_ x: Double) -> String { HTMLText.coordinate(left + axis.fraction(x) * pw) }
    let title = "\(Format.fixed(comparison.settings.confidencePct, 0)) % intervals of B − A, step times"
    var svg = SVGFrame.open(id: Self.id, title: title, width: w, height: h, marks: rows.count)
    svg += SVGFrame.axes(
      x: axis, y: ChartAxis(lower: 0, upper: 1, logarithmic: false, ticks: [], step: 1), xLabel: "B − A (ms)",
      yLabel: "", left: left, top: top, width: pw, height: ph)
    svg +=
      "<line class=\"zero\" x1=\"\(px(0))\" x2=\"\(px(0))\" y1=\"\(HTMLText.coordinate(top))\" "
      + "y2=\"\(HTMLText.coordinate(top + ph))\"/>\n"
    for (r, m) in rows.enumerated() {
      guard let i = m.interval else { continue }
      let y = HTMLText.coordinate(top + (Double(r) + 0.5) * Self.rowHeight)
      let cls = m.verdict == .worse ? "s4" : m.verdict == .better ? "s6" : "s1"
      let hover = HTMLText.escape(
        "\(m.label): B − A = \(m.difference.map { Format.signed($0, decimals: 2) } ?? "—") ms, interval "
          + CompareReport.interval(i) + " ms, \(m.verdict.words)")
      svg +=
        "<text class=\"tick\" x=\"\(HTMLText.coordinate(left - 8))\" y=\"\(y)\" text-anchor=\"end\" "
        + "dominant-baseline=\"middle\">\(HTMLText.escape(m.label))</text>"
        + "<g class=\"\(cls)\"><line class=\"ci\" x1=\"\(px(i.lower))\" x2=\"\(px(i.upper))\" y1=\"\(y)\" y2=\"\(y)\">"
        + "<title>\(hover)</title></line>"
      if let d = m.difference {
        svg += "<circle class=\"dot\" cx=\"\(px(d))\" cy=\"\(y)\" r=\"4\"><title>\(hover)</title></circle>"
      }
      svg += "</g>\n"
    }
    svg += "</svg>\n"
    return SVGFrame.figure(
      id: Self.id, title: title, svg: svg, legend: [],
      note: "Bar: the bootstrap interval; dot: the difference of the full runs' figures. Left of zero is faster.")
  }
}
