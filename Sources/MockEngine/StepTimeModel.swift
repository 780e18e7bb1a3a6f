/// How long a step takes, linear in what it runs: `base + prefill × context tokens + decode × generation
/// tokens` (milliseconds). The same form as a least-squares fit of a log's iteration lines.
public struct StepTimeModel: Sendable, Equatable {
  /// Fixed cost of a step, in ms.
  public var baseMs: Double
  /// Cost of one context (prefill) token, in ms.
  public var prefillTokenMs: Double
  /// Cost of one generation (decode) token, in ms.
  public var decodeTokenMs: Double

  /// Creates a model; the defaults are an arbitrary small GPU-like engine (5 ms a step, 0.02 ms a prefill
  /// token, 0.05 ms a decode token).
  public init(baseMs: Double = 5, prefillTokenMs: Double = 0.02, decodeTokenMs: Double = 0.05) {
    self.baseMs = baseMs
    self.prefillTokenMs = prefillTokenMs
    self.decodeTokenMs = decodeTokenMs
  }

  /// The step's duration in seconds.
  public func seconds(for step: ScheduledStep) -> Double {
    let ms = baseMs + prefillTokenMs * Double(step.contextTokens) + decodeTokenMs * Double(step.generationTokens)
    return max(0, ms) / 1000
  }

  /// The first coefficient that cannot work, as a message; nil when all are usable.
  public var problem: String? {
    for (name, v) in [
      ("--step-base-ms", baseMs), ("--step-prefill-ms", prefillTokenMs), ("--step-decode-ms", decodeTokenMs),
    ]
    where !(v.isFinite && v >= 0 && v <= 60_000) {
      return "\(name) must be a number from 0 to 60000"
    }
    return nil
  }
}
