/// One `--cudagraph-metrics` block: the interval's padding table.
public struct CudaGraphTable: Sendable, Equatable {
  /// One row: a distinct (unpadded, padded, mode) combination and how many steps had it.
  public struct Row: Sendable, Equatable {
    /// Tokens before padding.
    public var unpaddedTokens: Int
    /// Tokens after padding to a capture size.
    public var paddedTokens: Int
    /// `padded − unpadded` as printed.
    public var paddings: Int
    /// The runtime mode: `NONE`, `PIECEWISE` or `FULL`.
    public var runtimeMode: String
    /// Steps with this combination in the interval.
    public var count: Int

    /// Creates a row.
    public init(unpaddedTokens: Int, paddedTokens: Int, paddings: Int, runtimeMode: String, count: Int) {
      self.unpaddedTokens = unpaddedTokens
      self.paddedTokens = paddedTokens
      self.paddings = paddings
      self.runtimeMode = runtimeMode
      self.count = count
    }
  }

  /// The line of the block's first line.
  public var line: LineNumber
  /// Seconds since the first timestamp, when known.
  public var time: Double?
  /// `- Mode:` as printed.
  public var mode: String?
  /// `- Capture sizes:` as printed (ascending).
  public var captureSizes: [Int]?
  /// The table rows.
  public var rows: [Row]

  /// Creates an empty table that starts at `line`.
  public init(line: LineNumber, time: Double?) {
    self.line = line
    self.time = time
    rows = []
  }
}
