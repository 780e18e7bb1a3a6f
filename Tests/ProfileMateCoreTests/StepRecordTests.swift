import Testing

@testable import ProfileMateCore

@Suite struct StepRecordTests {
  @Test func recordIsSixteenBytes() {
    #expect(MemoryLayout<StepRecord>.size == 16)
  }

  @Test func fieldsRoundTrip() {
    let r = StepRecord(
      contextRequests: 3, contextTokens: 1234, generationRequests: 65_535, generationTokens: 16_777_215,
      elapsedCentiMs: 11_954, kvUsagePermille: 13, isDummy: true)
    #expect(r.contextRequests == 3)
    #expect(r.contextTokens == 1234)
    #expect(r.generationRequests == 65_535)
    #expect(r.generationTokens == 16_777_215)
    #expect(r.tokens == 1234 + 16_777_215)
    #expect(r.elapsedMs == 119.54)
    #expect(r.kvUsagePct == 1.3)
    #expect(r.isDummy)
    #expect(r.kind == .mixed)
  }

  @Test func maximalTokensDoNotBleedIntoNeighbours() {
    // Context tokens all ones, generation zero, no KV, no dummy: nothing leaks across the 24-bit fields.
    let a = StepRecord(
      contextRequests: 1, contextTokens: StepRecord.maxTokens, generationRequests: 0, generationTokens: 0,
      elapsedCentiMs: 0, kvUsagePermille: nil, isDummy: false)
    #expect(a.contextTokens == 16_777_215 && a.generationTokens == 0)
    #expect(a.kvUsagePct == nil && !a.isDummy)
    let b = StepRecord(
      contextRequests: 0, contextTokens: 0, generationRequests: 1, generationTokens: StepRecord.maxTokens,
      elapsedCentiMs: UInt32.max, kvUsagePermille: 1000, isDummy: false)
    #expect(b.contextTokens == 0 && b.generationTokens == 16_777_215)
    #expect(b.kvUsagePct == 100.0 && !b.isDummy)
    #expect(b.elapsedCentiMs == UInt32.max)
  }

  @Test func outOfRangeValuesSaturate() {
    let r = StepRecord(
      contextRequests: 70_000, contextTokens: 20_000_000, generationRequests: -4, generationTokens: -1,
      elapsedCentiMs: 5, kvUsagePermille: -7, isDummy: false)
    #expect(r.contextRequests == 65_535)
    #expect(r.contextTokens == 16_777_215)
    #expect(r.generationRequests == 0)
    #expect(r.generationTokens == 0)
    #expect(r.kvUsagePct == 0)
    #expect(!r.isDummy)
  }

  @Test func kvUsageAbsentIsNilAndZeroIsZero() {
    let none = StepRecord(
      contextRequests: 0, contextTokens: 0, generationRequests: 1, generationTokens: 1, elapsedCentiMs: 1,
      kvUsagePermille: nil, isDummy: false)
    let zero = StepRecord(
      contextRequests: 0, contextTokens: 0, generationRequests: 1, generationTokens: 1, elapsedCentiMs: 1,
      kvUsagePermille: 0, isDummy: false)
    #expect(none.kvUsagePct == nil)
    #expect(zero.kvUsagePct == 0)
    #expect(none != zero)
  }

  @Test(arguments: [
    (0, 0, StepKind.idle), (1, 0, .prefill), (0, 1, .decode), (2, 5, .mixed),
  ])
  func kindFollowsRequestCounts(context: Int, generation: Int, kind: StepKind) {
    let r = StepRecord(
      contextRequests: context, contextTokens: context * 10, generationRequests: generation,
      generationTokens: generation, elapsedCentiMs: 100, kvUsagePermille: nil, isDummy: false)
    #expect(r.kind == kind)
    #expect(StepKind.classify(contextRequests: context, generationRequests: generation) == kind)
  }

  @Test func kindIndexMatchesAllCasesOrder() {
    for (i, kind) in StepKind.allCases.enumerated() { #expect(kind.index == i) }
  }
}
