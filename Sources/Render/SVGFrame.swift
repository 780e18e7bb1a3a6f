/// The parts every chart shares: the `<svg>` element, axes with grid lines and labels, and the
/// `<figure>` around it with caption, legend and note.
enum SVGFrame {
  /// The opening `<svg>` tag: scales to the page's width; `data-marks` counts the data points drawn.
  static func open(id: String, title: String, width: Double, height: Double, marks: Int) -> String {
    "<svg class=\"chart-svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" "
      + "aria-label=\"\(HTMLText.escape(title))\" data-marks=\"\(marks)\" preserveAspectRatio=\"xMidYMid meet\">\n"
  }

  /// Grid lines, tick labels and axis labels for a plot area at (`left`, `top`) of `width` × `height`.
  /// A nil `x` axis draws no x ticks (bar charts label their own).
  static func axes(
    x: ChartAxis?, y: ChartAxis, xLabel: String, yLabel: String, left: Double, top: Double, width: Double,
    height: Double
  ) -> String {
    var out = "<g class=\"axes\">"
    let bottom = top + height
    for t in y.ticks {
      let yy = HTMLText.coordinate(top + (1 - y.fraction(t)) * height)
      out +=
        "<line class=\"grid\" x1=\"\(HTMLText.coordinate(left))\" x2=\"\(HTMLText.coordinate(left + width))\" "
        + "y1=\"\(yy)\" y2=\"\(yy)\"/>"
        + "<text class=\"tick\" x=\"\(HTMLText.coordinate(left - 6))\" y=\"\(yy)\" text-anchor=\"end\" "
        + "dominant-baseline=\"middle\">\(y.label(t))</text>"
    }
    if let x {
      for t in x.ticks {
        let xx = HTMLText.coordinate(left + x.fraction(t) * width)
        out +=
          "<line class=\"grid\" x1=\"\(xx)\" x2=\"\(xx)\" y1=\"\(HTMLText.coordinate(top))\" "
          + "y2=\"\(HTMLText.coordinate(bottom))\"/>"
          + "<text class=\"tick\" x=\"\(xx)\" y=\"\(HTMLText.coordinate(bottom + 14))\" "
          + "text-anchor=\"middle\">\(x.label(t))</text>"
      }
    }
    out +=
      "<line class=\"axis\" x1=\"\(HTMLText.coordinate(left))\" x2=\"\(HTMLText.coordinate(left + width))\" "
      + "y1=\"\(HTMLText.coordinate(bottom))\" y2=\"\(HTMLText.coordinate(bottom))\"/>"
      + "<line class=\"axis\" x1=\"\(HTMLText.coordinate(left))\" x2=\"\(HTMLText.coordinate(left))\" "
      + "y1=\"\(HTMLText.coordinate(top))\" y2=\"\(HTMLText.coordinate(bottom))\"/>"
      + "<text class=\"axis-label\" x=\"\(HTMLText.coordinate(left + width / 2))\" "
      + "y=\"\(HTMLText.coordinate(bottom + 34))\" text-anchor=\"middle\">\(HTMLText.escape(xLabel))</text>"
      + "<text class=\"axis-label\" transform=\"translate(14 \(HTMLText.coordinate(top + height / 2))) rotate(-90)\" "
      + "text-anchor=\"middle\">\(HTMLText.escape(yLabel))</text></g>\n"
    return out
  }

  /// The `<figure>` holding a chart.
  static func figure(id: String, title: String, svg: String, legend: [(String, String)], note: String?) -> String {
    var out = "<figure class=\"chart\" id=\"\(HTMLText.escape(id))\">\n"
    out += "<figcaption>\(HTMLText.escape(title))</figcaption>\n" + svg
    if legend.count > 1 || (legend.count == 1 && !legend[0].0.isEmpty) {
      out += "<div class=\"legend\">"
      for (name, cls) in legend {
        out += "<span><i class=\"swatch \(HTMLText.escape(cls))\"></i>\(HTMLText.escape(name))</span>"
      }
      out += "</div>\n"
    }
    if let note { out += "<p class=\"note\">\(HTMLText.escape(note))</p>\n" }
    return out + "</figure>\n"
  }
}
