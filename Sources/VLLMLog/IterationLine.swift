import ProfileMateCore

/// The figures of one iteration line (spec §2), after `Iteration(`:
/// `Iteration(N): A context requests, B context tokens, C generation requests, D generation tokens,
/// iteration elapsed time: T ms[ (dummy)][, KV cache usage: K%]`.
struct IterationLine: Sendable {
  /// The step, values saturated to fit.
  var record: StepRecord
  /// The elapsed time in hundredths of a millisecond, before saturation.
  var centi: Int
  /// Whether a value had to be saturated.
  var saturated: Bool

  /// Reads the message at `c` (which starts with `Iteration(`); nil when it is not a complete line.
  @inline(__always)
  static func parse(_ c: inout ByteCursor) -> IterationLine? {
    guard c.consume("Iteration("), c.unsigned() != nil, c.consume("): "),
      let contextRequests = c.unsigned(), c.consume(" context requests, "),
      let contextTokens = c.unsigned(), c.consume(" context tokens, "),
      let generationRequests = c.unsigned(), c.consume(" generation requests, "),
      let generationTokens = c.unsigned(), c.consume(" generation tokens, iteration elapsed time: "),
      let centi = c.centi(), c.consume(" ms")
    else { return nil }
    let dummy = c.consume(" (dummy)")
    var kv: Int?
    if c.consume(", "), c.seek(past: "KV cache usage: "), let pct = c.centi() {
      kv = (pct + 5) / 10
    }
    let saturated =
      contextTokens > StepRecord.maxTokens || generationTokens > StepRecord.maxTokens
      || contextRequests > StepRecord.maxRequests || generationRequests > StepRecord.maxRequests
      || centi > Int(UInt32.max)
    let record = StepRecord(
      contextRequests: contextRequests, contextTokens: contextTokens,
      generationRequests: generationRequests, generationTokens: generationTokens,
      elapsedCentiMs: UInt32(min(centi, Int(UInt32.max))), kvUsagePermille: kv, isDummy: dummy)
    return IterationLine(record: record, centi: centi, saturated: saturated)
  }
}
