/// A rule result Nsight Compute attached to a launch (`SOLBottleneck`, `TheoreticalOccupancy`, …).
public struct NCURule: Sendable, Equatable, Hashable {
  /// The rule's name.
  public var name: String
  /// `OPT` (an optimisation opportunity), `WRN`, `INF` or `ERR`.
  public var type: String
  /// The rule's text, as printed.
  public var text: String
  /// The estimated speed-up in percent, when the rule gives one.
  public var estimatedSpeedupPct: Double?

  /// Creates a rule.
  public init(name: String, type: String, text: String, estimatedSpeedupPct: Double?) {
    self.name = name
    self.type = type
    self.text = text
    self.estimatedSpeedupPct = estimatedSpeedupPct
  }
}
