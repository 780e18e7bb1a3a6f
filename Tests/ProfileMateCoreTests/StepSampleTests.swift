import Testing

@testable import ProfileMateCore

@Suite struct StepSampleTests {
  static func trace(_ times: [UInt32], generation: Bool = true) -> EngineTrace {
    var t = EngineTrace(index: 0)
    for ms in times {
      t.steps.append(
        StepRecord(
          contextRequests: generation ? 0 : 1, contextTokens: generation ? 0 : 10,
          generationRequests: generation ? 1 : 0, generationTokens: generation ? 1 : 0, elapsedCentiMs: ms,
          kvUsagePermille: nil, isDummy: false))
    }
    return t
  }

  @Test func keepsEveryStepUnderTheLimitSortedByKind() {
    let s = StepSample.collect([Self.trace([30, 10, 20]), Self.trace([5], generation: false)], limit: 10, seed: 1)
    #expect(s[.decode] == StepSample(centiMs: [10, 20, 30]))
    #expect(s[.prefill]?.centiMs == [5])
    #expect(s[.mixed] == nil)
    #expect(s[.decode]?.isSubsample == false)
  }

  @Test func samplesUniformlyAndDeterministicallyBeyondTheLimit() {
    let times = (0..<10_000).map { UInt32($0) }
    let a = StepSample.collect([Self.trace(times)], limit: 500, seed: 9)
    let b = StepSample.collect([Self.trace(times)], limit: 500, seed: 9)
    let s = a[.decode]!
    #expect(a == b)
    #expect(s.centiMs.count == 500)
    #expect(s.seen == 10_000)
    #expect(s.isSubsample)
    // A uniform sample of 0…9999 has a median near 5000 (its standard error is about 130).
    let median = Double(s.centiMs[249] + s.centiMs[250]) / 2
    #expect(median > 4200 && median < 5800)
    #expect(Set(s.centiMs).count == 500)
  }
}
