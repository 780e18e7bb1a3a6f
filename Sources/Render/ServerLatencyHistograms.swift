import ProfileMateCore
import PromMetrics

/// The server's own latency histograms over a run directory's metrics recording: the increase of
/// `vllm:time_to_first_token_seconds` and `vllm:inter_token_latency_seconds` from the first to the last
/// successful scrape (every engine summed), for the HTML report's charts.
public struct ServerLatencyHistograms: Sendable, Equatable {
  /// Time to first token (buckets in seconds), nil when not exported.
  public var ttft: Histogram?
  /// Inter-token latency (buckets in seconds), nil when not exported.
  public var itl: Histogram?
  /// Seconds from the first to the last scrape.
  public var seconds: Double?

  /// Creates the histograms.
  public init(ttft: Histogram?, itl: Histogram?, seconds: Double?) {
    self.ttft = ttft
    self.itl = itl
    self.seconds = seconds
  }

  /// The bars of one histogram: one per bucket up to the last that gained observations, each with the
  /// observations that fell in it (the cumulative counts differenced), labelled by its upper bound in ms.
  static func bars(_ h: Histogram) -> [SVGBarChart.Bar] {
    var bars: [SVGBarChart.Bar] = []
    var previous = 0.0
    var lowerMs = 0.0
    for b in h.buckets {
      let n = max(0, b.count - previous)
      previous = b.count
      let upperMs = b.upperBound * 1000
      let label = b.upperBound.isFinite ? "≤" + num(upperMs) : "+Inf"
      let range = b.upperBound.isFinite ? "\(num(lowerMs))–\(num(upperMs)) ms" : "above \(num(lowerMs)) ms"
      bars.append(
        SVGBarChart.Bar(label: label, value: n, hover: "\(range): \(Format.grouped(Int(n))) observations"))
      lowerMs = upperMs
    }
    guard let last = bars.lastIndex(where: { $0.value > 0 }) else { return [] }
    return Array(bars[...last])
  }

  /// A bucket bound in ms without trailing zeros (`1`, `2.5`, `7500`).
  static func num(_ x: Double) -> String {
    if !x.isFinite || x == x.rounded() { return Format.count(x) }
    var s = Format.fixed(x, 3)
    while s.hasSuffix("0") { s.removeLast() }
    return s
  }
}
