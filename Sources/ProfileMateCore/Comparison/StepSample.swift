/// Step times of one kind, kept whole up to a limit and as a uniform random sample beyond it
/// (reservoir sampling, Vitter's algorithm R, with a seeded generator), so a run of millions of steps
/// needs bounded memory for the bootstrap and the result is the same on every run.
public struct StepSample: Sendable, Equatable {
  /// Step times in hundredths of a millisecond, ascending.
  public private(set) var centiMs: [UInt32]
  /// Steps of this kind seen (the sample holds `min(seen, limit)` of them).
  public private(set) var seen: Int
  /// Whether the sample is a subset of the steps.
  public var isSubsample: Bool { seen > centiMs.count }

  /// Creates a sample from values already chosen (sorted here).
  public init(centiMs: [UInt32], seen: Int? = nil) {
    self.centiMs = centiMs.sorted()
    self.seen = seen ?? centiMs.count
  }

  /// Samples the step times of each kind over `traces`: every step while a kind has at most `limit`,
  /// a uniform sample of `limit` beyond. Deterministic for a given `seed`.
  /// `decodeQueryLen` (``EngineConfig/decodeQueryLen``) tells recompute steps apart from decodes.
  public static func collect(
    _ traces: [EngineTrace], limit: Int, seed: UInt64, decodeQueryLen: Int = 1
  ) -> [StepKind: StepSample] {
    precondition(limit > 0, "a sample needs room for at least one step")
    var reservoirs = [[UInt32]](repeating: [], count: StepKind.allCases.count)
    var seen = [Int](repeating: 0, count: StepKind.allCases.count)
    var rng = SplitMix64(seed: seed)
    for trace in traces {
      trace.steps.forEachChunk { chunk in
        for step in chunk {
          let k = step.kind(decodeQueryLen: decodeQueryLen).index
          seen[k] += 1
          if reservoirs[k].count < limit {
            reservoirs[k].append(step.elapsedCentiMs)
          } else {
            let j = rng.below(seen[k])
            if j < limit { reservoirs[k][j] = step.elapsedCentiMs }
          }
        }
      }
    }
    var out: [StepKind: StepSample] = [:]
    for kind in StepKind.allCases where seen[kind.index] > 0 {
      out[kind] = StepSample(centiMs: reservoirs[kind.index], seen: seen[kind.index])
    }
    return out
  }
}
