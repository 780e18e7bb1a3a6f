/// CUDA-graph padding and eager fall-backs (from `--cudagraph-metrics` tables).
public struct CudaGraphAnalysis: Sendable, Equatable {
  /// Padding figures for one runtime mode or one padded size.
  public struct Slice: Sendable, Equatable {
    /// The runtime mode (`FULL`, `PIECEWISE`, `NONE`) or the padded size as text.
    public var key: String
    /// Steps.
    public var steps: Int
    /// Tokens before padding.
    public var unpaddedTokens: Int
    /// Tokens after padding.
    public var paddedTokens: Int
    /// Padding tokens.
    public var paddingTokens: Int { paddedTokens - unpaddedTokens }
  }

  /// Tables read.
  public var tables: Int
  /// Steps the tables count.
  public var steps: Int
  /// Tokens before padding, summed over steps.
  public var unpaddedTokens: Int
  /// Tokens after padding.
  public var paddedTokens: Int
  /// `padded − unpadded`.
  public var paddingTokens: Int
  /// Padding as a share of padded tokens, in percent.
  public var paddingOverheadPct: Double?
  /// Per runtime mode.
  public var byMode: [Slice]
  /// Padded sizes ranked by padding tokens, most first (at most 10).
  public var topPaddedSizes: [Slice]
  /// Steps that ran eagerly (`NONE`) although graphs were configured, with their tokens.
  public var eagerSteps: Int
  /// Of those, steps above the largest capture size.
  public var eagerStepsAboveLargest: Int
  /// The mode and capture sizes the tables print (the last table's).
  public var mode: String?
  /// Capture sizes as printed.
  public var captureSizes: [Int]?
  /// The first table's line.
  public var firstLine: LineNumber?

  /// Analyses tables; nil when there are none.
  public static func analyze(_ tables: [CudaGraphTable], configuredLargest: Int?) -> CudaGraphAnalysis? {
    guard !tables.isEmpty else { return nil }
    var byMode: [String: Slice] = [:]
    var bySize: [Int: Slice] = [:]
    var steps = 0
    var unpadded = 0
    var padded = 0
    var eager = 0
    var eagerAbove = 0
    let mode = tables.last(where: { $0.mode != nil })?.mode
    let sizes = tables.last(where: { $0.captureSizes != nil })?.captureSizes
    let largest = sizes?.max() ?? configuredLargest
    let graphsConfigured = mode.map { $0 != "NONE" } ?? (largest != nil)
    for table in tables {
      for row in table.rows {
        steps += row.count
        unpadded += row.unpaddedTokens * row.count
        padded += row.paddedTokens * row.count
        var m = byMode[row.runtimeMode] ?? Slice(key: row.runtimeMode, steps: 0, unpaddedTokens: 0, paddedTokens: 0)
        m.steps += row.count
        m.unpaddedTokens += row.unpaddedTokens * row.count
        m.paddedTokens += row.paddedTokens * row.count
        byMode[row.runtimeMode] = m
        var s =
          bySize[row.paddedTokens]
          ?? Slice(
            key: String(row.paddedTokens), steps: 0, unpaddedTokens: 0,
            paddedTokens: 0)
        s.steps += row.count
        s.unpaddedTokens += row.unpaddedTokens * row.count
        s.paddedTokens += row.paddedTokens * row.count
        bySize[row.paddedTokens] = s
        if row.runtimeMode == "NONE", graphsConfigured {
          eager += row.count
          if let largest, row.unpaddedTokens > largest { eagerAbove += row.count }
        }
      }
    }
    let top = bySize.values.filter { $0.paddingTokens > 0 }
      .sorted { ($0.paddingTokens, $1.steps) > ($1.paddingTokens, $0.steps) }
    return CudaGraphAnalysis(
      tables: tables.count, steps: steps, unpaddedTokens: unpadded, paddedTokens: padded,
      paddingTokens: padded - unpadded,
      paddingOverheadPct: padded > 0 ? Double(padded - unpadded) / Double(padded) * 100 : nil,
      byMode: byMode.values.sorted { $0.key < $1.key }, topPaddedSizes: Array(top.prefix(10)),
      eagerSteps: eager, eagerStepsAboveLargest: eagerAbove, mode: mode, captureSizes: sizes,
      firstLine: tables.first?.line)
  }
}
