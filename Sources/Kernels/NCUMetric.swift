/// One metric of one kernel launch in an Nsight Compute report.
public struct NCUMetric: Sendable, Equatable {
  /// The section the metric was printed under (`Command line profiler metrics`, `GPU Speed Of Light Throughput`).
  public var section: String
  /// The unit as printed (`Mbyte`, `usecond`, `%`, empty for plain counts).
  public var unit: String
  /// The value as printed (`2.33`, `13,485`, `n/a`).
  public var text: String
  /// The value in its dimension's base unit; nil when the text is not a number (`n/a`).
  public var quantity: MetricQuantity?
  /// The 1-based line of the file it was read from.
  public var line: Int

  /// Creates a metric, parsing `text` in `unit`.
  public init(section: String, unit: String, text: String, line: Int) {
    self.section = section
    self.unit = unit
    self.text = text
    self.quantity = MetricQuantity.parse(text, unit: unit)
    self.line = line
  }
}
