/// A straight line through step time against step tokens: `elapsed_ms ≈ interceptMs + msPerToken · tokens`,
/// fitted by ordinary least squares over the steps of one kind.
///
/// It is a deliberately simple model (a fixed cost per step plus a cost per scheduled token) used only to
/// turn padding tokens into an estimate of time; ``rSquared`` says how much of the variation it explains.
public struct StepTimeFit: Sendable, Equatable {
  /// Steps fitted.
  public var steps: Int
  /// The fixed cost per step, in milliseconds.
  public var interceptMs: Double
  /// The cost of one more token in the step, in milliseconds.
  public var msPerToken: Double
  /// Coefficient of determination (1 − residual/total sum of squares); nil when the times do not vary.
  public var rSquared: Double?
  /// Root-mean-square residual, in milliseconds.
  public var rmseMs: Double

  /// The least ``rSquared`` of a fit whose slope is used to turn padding tokens into time: below it the line
  /// explains less than half of the variation in step time, and its slope is noise.
  public static let usableRSquared = 0.5

  /// Whether the fit explains the step times well enough to price padding with it.
  public var explainsTheData: Bool { (rSquared ?? 0) >= Self.usableRSquared }

  /// Fits grouped steps: for each token count, the number of steps, the sum of their times and the sum of
  /// their squared times (ms, ms²). This is the same fit as over the single steps; nil with fewer than
  /// 3 steps or a single distinct token count (no slope to fit).
  public init?(points: [(tokens: Int, steps: Int, totalMs: Double, totalSquaresMs: Double)]) {
    let pts = points.filter { $0.steps > 0 }
    let n = pts.reduce(0) { $0 + $1.steps }
    guard n >= 3, Set(pts.map(\.tokens)).count >= 2 else { return nil }
    let nd = Double(n)
    let meanX = pts.reduce(0.0) { $0 + Double($1.tokens) * Double($1.steps) } / nd
    let meanY = pts.reduce(0.0) { $0 + $1.totalMs } / nd
    var sxx = 0.0
    var sxy = 0.0
    var syy = 0.0
    for p in pts {
      let dx = Double(p.tokens) - meanX
      sxx += Double(p.steps) * dx * dx
      sxy += dx * (p.totalMs - Double(p.steps) * meanY)
      // Σ (y − ȳ)² over the cell = Σy² − 2ȳΣy + nȳ²
      syy += p.totalSquaresMs - 2 * meanY * p.totalMs + Double(p.steps) * meanY * meanY
    }
    guard sxx > 0 else { return nil }
    let slope = sxy / sxx
    let intercept = meanY - slope * meanX
    var sse = 0.0
    for p in pts {
      let f = intercept + slope * Double(p.tokens)
      sse += p.totalSquaresMs - 2 * f * p.totalMs + Double(p.steps) * f * f
    }
    sse = max(0, sse)
    steps = n
    interceptMs = intercept
    msPerToken = slope
    rSquared = syy > 1e-12 ? 1 - sse / syy : nil
    rmseMs = (sse / nd).squareRoot()
  }
}
