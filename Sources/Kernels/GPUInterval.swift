/// One activity on a GPU timeline (a kernel or a memory operation).
public struct GPUInterval: Sendable, Equatable {
  /// Start, in ns on the tool's clock.
  public var startNS: Double
  /// Duration in ns.
  public var durationNS: Double
  /// The device, as printed (empty when the source has none).
  public var device: String
  /// The stream, as printed.
  public var stream: String
  /// The activity's name.
  public var name: String

  /// Creates an interval.
  public init(startNS: Double, durationNS: Double, device: String, stream: String, name: String) {
    self.startNS = startNS
    self.durationNS = durationNS
    self.device = device
    self.stream = stream
    self.name = name
  }
}
