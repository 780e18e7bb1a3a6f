import ProfileMateCore

/// A chart of numeric series against a numeric x axis, as inline SVG in a `<figure>`: lines or dots,
/// optional horizontal reference lines, a legend, hover values (SVG `<title>`) where cheap.
struct SVGXYChart {
  /// How a series is drawn.
  enum Mark {
    /// A polyline through the points.
    case line
    /// One dot per point.
    case dots
  }

  /// One series.
  struct Series {
    /// The legend's name.
    var name: String
    /// The CSS class that colours it (`k-decode`, `s1`).
    var cssClass: String
    /// Lines or dots.
    var mark: Mark
    /// The points, in x order for lines.
    var points: [ChartDownsampler.Point]
  }

  /// A labelled horizontal line.
  struct Reference {
    /// Where.
    var y: Double
    /// What it is.
    var label: String
  }

  /// The element id (link target).
  var id: String
  /// The caption.
  var title: String
  /// The x axis's label, with its unit.
  var xLabel: String
  /// The y axis's label, with its unit.
  var yLabel: String
  /// The series.
  var series: [Series]
  /// Whether the y axis is logarithmic.
  var logY = false
  /// Reference lines.
  var references: [Reference] = []
  /// A sentence under the chart (down-sampling, scale).
  var note: String?
  /// The unit shown in hover values.
  var yUnit = ""

  static let width = 760.0
  static let height = 280.0
  static let left = 72.0
  static let right = 16.0
  static let top = 14.0
  static let bottom = 42.0
  /// Points up to which each dot or line vertex carries a hover title.
  static let titledPoints = 2500

  /// The `<figure>`.
  func render() -> String {
    let all = series.flatMap(\.points)
    let xs = all.map(\.x)
    let ys = all.map(\.y) + references.map(\.y)
    let xAxis = ChartAxis.linear(xs.min() ?? 0, xs.max() ?? 1, count: 8)
    let yAxis: ChartAxis
    if logY {
      let positive = ys.filter { $0 > 0 }
      yAxis = ChartAxis.logarithmic(positive.min() ?? 0.01, positive.max() ?? 1)
    } else {
      yAxis = ChartAxis.linear(min(0, ys.min() ?? 0), ys.max() ?? 1, count: 5)
    }
    let pw = Self.width - Self.left - Self.right
    let ph = Self.height - Self.top - Self.bottom
    func px(_ x: Double) -> String { HTMLText.coordinate(Self.left + xAxis.fraction(x) * pw) }
    func yPosition(_ y: Double) -> Double { Self.top + (1 - yAxis.fraction(y)) * ph }
    func py(_ y: Double) -> String { HTMLText.coordinate(yPosition(y)) }
    var svg = SVGFrame.open(
      id: id, title: title, width: Self.width, height: Self.height, marks: all.count)
    svg += SVGFrame.axes(
      x: xAxis, y: yAxis, xLabel: xLabel, yLabel: yLabel, left: Self.left, top: Self.top, width: pw, height: ph)
    for r in references {
      svg +=
        "<line class=\"ref\" x1=\"\(px(xAxis.lower))\" x2=\"\(px(xAxis.upper))\" y1=\"\(py(r.y))\" y2=\"\(py(r.y))\"/>"
        + "<text class=\"ref-label\" x=\"\(px(xAxis.upper))\" y=\"\(HTMLText.coordinate(yPosition(r.y) - 4))\" "
        + "text-anchor=\"end\">\(HTMLText.escape(r.label))</text>\n"
    }
    let titled = all.count <= Self.titledPoints
    for s in series where !s.points.isEmpty {
      let cls = HTMLText.escape(s.cssClass)
      switch s.mark {
      case .line:
        let coords = s.points.map { px($0.x) + "," + py($0.y) }.joined(separator: " ")
        svg += "<polyline class=\"series line \(cls)\" points=\"\(coords)\"/>\n"
        if titled {
          for p in s.points {
            svg +=
              "<circle class=\"hover \(cls)\" cx=\"\(px(p.x))\" cy=\"\(py(p.y))\" r=\"3\"><title>"
              + hover(s.name, p) + "</title></circle>"
          }
          svg += "\n"
        }
      case .dots:
        if titled {
          for p in s.points {
            svg +=
              "<circle class=\"series dot \(cls)\" cx=\"\(px(p.x))\" cy=\"\(py(p.y))\" r=\"2\"><title>"
              + hover(s.name, p) + "</title></circle>"
          }
          svg += "\n"
        } else {
          // One path of zero-length segments with round caps: compact for thousands of dots.
          let d = s.points.map { "M" + px($0.x) + " " + py($0.y) + "h0" }.joined()
          svg += "<path class=\"series dots \(cls)\" d=\"\(d)\"/>\n"
        }
      }
    }
    svg += "</svg>\n"
    let legend = series.filter { !$0.points.isEmpty }.map { ($0.name, $0.cssClass) }
    return SVGFrame.figure(id: id, title: title, svg: svg, legend: legend, note: note)
  }

  private func hover(_ name: String, _ p: ChartDownsampler.Point) -> String {
    HTMLText.escape(
      "\(name): \(Format.auto(p.y))\(yUnit.isEmpty ? "" : " " + yUnit) at \(xLabel.split(separator: " ").first ?? "x") "
        + Format.auto(p.x))
  }
}
