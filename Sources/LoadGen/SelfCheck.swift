/// Whether the client kept up — the `self_check` object of `bench.json` (docs/load.md). A run is
/// `degraded` when any of these holds:
/// - the achieved send rate is under 90 % of the requested rate (finite rate, no `--max-concurrency`);
/// - the 99th percentile of send lag (start − when the request could go) is over 10 ms;
/// - the client used more than 90 % of one core over the run (it runs on one event-loop thread);
/// - a connection failed;
/// - a streamed response's usage disagrees with the tokens counted in the stream.
public struct SelfCheck: Sendable, Equatable {
  /// `ok` or `degraded`.
  public var verdict: String { reasons.isEmpty ? "ok" : "degraded" }
  /// The requested rate (nil for `inf`).
  public var requestedRate: Double?
  /// Requests started per second, first to last start.
  public var achievedRate: Double?
  /// Send lag percentiles in ms.
  public var sendLagP50Ms: Double?
  /// 99th percentile send lag in ms.
  public var sendLagP99Ms: Double?
  /// Client CPU seconds (user + system) over the run.
  public var cpuSeconds: Double
  /// CPU seconds per wall second.
  public var cpuFraction: Double
  /// Connection failures.
  public var connectionErrors: Int
  /// Streamed responses whose final usage could be compared with the stream.
  public var usageChecked: Int
  /// Of those, the ones where they agree.
  public var usageAgreeing: Int
  /// Chunks that carried more than one token.
  public var multiTokenChunks: Int
  /// Why it is degraded (empty when ok).
  public var reasons: [String]

  /// Thresholds (see the type's comment).
  public static let minRateFraction = 0.9
  /// Largest acceptable p99 send lag, ms.
  public static let maxLagP99Ms = 10.0
  /// Largest acceptable CPU use, fraction of one core.
  public static let maxCPUFraction = 0.9

  /// Evaluates a run.
  public init(
    records: [RequestRecord], requestedRate: Double, maxConcurrency: Int?, cpuSeconds: Double, wallSeconds: Double
  ) {
    self.requestedRate = requestedRate.isFinite ? requestedRate : nil
    let starts = records.map(\.start).sorted()
    if starts.count > 1, let first = starts.first, let last = starts.last, last > first {
      achievedRate = Double(starts.count - 1) / (last - first)
    }
    let lags = records.map { max(0, $0.start - $0.eligible) * 1000 }.sorted()
    sendLagP50Ms = Stats.percentile(lags, 50)
    sendLagP99Ms = Stats.percentile(lags, 99)
    self.cpuSeconds = cpuSeconds
    cpuFraction = wallSeconds > 0 ? cpuSeconds / wallSeconds : 0
    connectionErrors = records.filter(\.connectionError).count
    let checked = records.filter { $0.succeeded && $0.completionTokens != nil && !$0.chunkTimes.isEmpty }
    usageChecked = checked.count
    usageAgreeing = checked.filter { $0.completionTokens == $0.streamTokens }.count
    multiTokenChunks = records.reduce(0) { $0 + $1.chunkTokens.filter { $0 > 1 }.count }
    var reasons: [String] = []
    if let r = self.requestedRate, maxConcurrency == nil, let a = achievedRate, a < Self.minRateFraction * r {
      reasons.append(
        "achieved rate \(Self.short(a)) req/s is under \(Int(Self.minRateFraction * 100)) % of the requested \(Self.short(r))"
      )
    }
    if let p99 = sendLagP99Ms, p99 > Self.maxLagP99Ms {
      reasons.append("p99 send lag \(Self.short(p99)) ms is over \(Self.short(Self.maxLagP99Ms)) ms")
    }
    if cpuFraction > Self.maxCPUFraction {
      reasons.append("the client used \(Int((cpuFraction * 100).rounded())) % of a core (its limit is one)")
    }
    if connectionErrors > 0 { reasons.append("\(connectionErrors) connection errors") }
    if usageAgreeing < usageChecked {
      reasons.append("\(usageChecked - usageAgreeing) of \(usageChecked) responses: usage disagrees with the stream")
    }
    self.reasons = reasons
  }

  static func short(_ v: Double) -> String {
    let r = (v * 100).rounded() / 100
    return r == r.rounded() ? String(Int(r)) : String(r)
  }
}
