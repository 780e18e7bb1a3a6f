extension StepTimeModel {
  /// One observed step: its context and generation tokens and its elapsed time.
  public typealias Sample = (contextTokens: Int, generationTokens: Int, ms: Double)

  /// Least-squares fit of `ms ≈ base + prefill × context + decode × generation` to a log's iteration lines.
  /// A coefficient that comes out negative is set to 0 and the others refitted without it. Nil with fewer
  /// than 3 usable samples or when the samples cannot separate the terms (e.g. no prefill at all).
  public static func fit(_ samples: [Sample]) -> StepTimeModel? {
    let usable = samples.filter { $0.ms.isFinite && $0.ms >= 0 && $0.contextTokens + $0.generationTokens > 0 }
    guard usable.count >= 3 else { return nil }
    var keep = [true, true, true]
    for _ in 0..<3 {
      guard let beta = solve(usable, keep) else { return nil }
      if let negative = (0..<3).first(where: { keep[$0] && beta[$0] < 0 }) {
        keep[negative] = false
        continue
      }
      return StepTimeModel(baseMs: beta[0], prefillTokenMs: beta[1], decodeTokenMs: beta[2])
    }
    return nil
  }

  /// Solves the normal equations for the kept columns (1, context, generation); zeros for dropped ones.
  static func solve(_ samples: [Sample], _ keep: [Bool]) -> [Double]? {
    let columns = (0..<3).filter { keep[$0] }
    guard !columns.isEmpty else { return nil }
    func x(_ s: Sample, _ c: Int) -> Double { c == 0 ? 1 : Double(c == 1 ? s.contextTokens : s.generationTokens) }
    let n = columns.count
    var a = [[Double]](repeating: [Double](repeating: 0, count: n + 1), count: n)
    for s in samples {
      for (i, ci) in columns.enumerated() {
        for (j, cj) in columns.enumerated() { a[i][j] += x(s, ci) * x(s, cj) }
        a[i][n] += x(s, ci) * s.ms
      }
    }
    // Gaussian elimination with partial pivoting.
    for col in 0..<n {
      guard let pivot = (col..<n).max(by: { abs(a[$0][col]) < abs(a[$1][col]) }), abs(a[pivot][col]) > 1e-9 else {
        return nil
      }
      a.swapAt(col, pivot)
      for row in 0..<n where row != col {
        let f = a[row][col] / a[col][col]
        for k in col...n { a[row][k] -= f * a[col][k] }
      }
    }
    var beta = [0.0, 0.0, 0.0]
    for (i, c) in columns.enumerated() { beta[c] = a[i][n] / a[i][i] }
    return beta
  }
}
