/// What a measured figure counts, after its unit has been normalised.
public enum MetricDimension: String, Sendable, Equatable {
  /// Bytes.
  case bytes
  /// Nanoseconds.
  case nanoseconds
  /// A percentage (0–100).
  case percent
  /// Bytes per second.
  case bytesPerSecond
  /// Hertz.
  case hertz
  /// Anything else (cycles, instructions, sectors, plain counts): kept as printed.
  case count
}
