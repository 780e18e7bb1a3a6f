import ProfileMateCore

/// A bar chart over categories (capture sizes, batch-size bins), as inline SVG in a `<figure>`; each
/// bar carries its value as a hover title.
struct SVGBarChart {
  /// One bar.
  struct Bar {
    /// The category's label under the axis.
    var label: String
    /// The bar's height.
    var value: Double
    /// The hover text.
    var hover: String
  }

  /// The element id (link target).
  var id: String
  /// The caption.
  var title: String
  /// The x axis's label.
  var xLabel: String
  /// The y axis's label, with its unit.
  var yLabel: String
  /// The bars, left to right.
  var bars: [Bar]
  /// The CSS class that colours the bars.
  var cssClass = "s1"
  /// A sentence under the chart.
  var note: String?

  /// Category labels drawn at most (every k-th beyond).
  static let maxLabels = 16

  /// The `<figure>`.
  func render() -> String {
    let w = SVGXYChart.width
    let h = SVGXYChart.height
    let left = SVGXYChart.left
    let top = SVGXYChart.top
    let pw = w - left - SVGXYChart.right
    let ph = h - top - SVGXYChart.bottom
    let yAxis = ChartAxis.linear(0, bars.map(\.value).max() ?? 1, count: 5)
    var svg = SVGFrame.open(id: id, title: title, width: w, height: h, marks: bars.count)
    svg += SVGFrame.axes(
      x: nil, y: yAxis, xLabel: xLabel, yLabel: yLabel, left: left, top: top, width: pw, height: ph)
    let slot = pw / Double(max(1, bars.count))
    let every = max(1, (bars.count + Self.maxLabels - 1) / Self.maxLabels)
    let cls = HTMLText.escape(cssClass)
    for (i, bar) in bars.enumerated() {
      let x = left + Double(i) * slot + slot * 0.1
      let barHeight = yAxis.fraction(bar.value) * ph
      svg +=
        "<rect class=\"bar \(cls)\" x=\"\(HTMLText.coordinate(x))\" y=\"\(HTMLText.coordinate(top + ph - barHeight))\" "
        + "width=\"\(HTMLText.coordinate(max(0.5, slot * 0.8)))\" height=\"\(HTMLText.coordinate(barHeight))\">"
        + "<title>\(HTMLText.escape(bar.hover))</title></rect>"
      if i % every == 0 {
        svg +=
          "<text class=\"tick\" x=\"\(HTMLText.coordinate(left + (Double(i) + 0.5) * slot))\" "
          + "y=\"\(HTMLText.coordinate(top + ph + 14))\" text-anchor=\"middle\">\(HTMLText.escape(bar.label))</text>"
      }
    }
    svg += "\n</svg>\n"
    return SVGFrame.figure(id: id, title: title, svg: svg, legend: [], note: note)
  }
}
