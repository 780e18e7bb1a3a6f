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
    #expect(r.kind(decodeQueryLen: 1) == .mixed)
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
    #expect(r.kind(decodeQueryLen: 1) == kind)
    #expect(StepKind.classify(contextRequests: context, generationRequests: generation) == kind)
  }

  /// A step with no context requests and more generation tokens than its generation requests can decode is a
  /// preempted request recomputing (vLLM V1 counts the resumed request among the generation requests): 1 request
  /// with 256 tokens. With speculative decoding (3 tokens: query length 4), 2 requests may be scheduled up to 8
  /// tokens and are still decoding; 9 is a recompute. A mixed step stays mixed.
  @Test func recomputeStepsAreToldApartFromDecodes() {
    func step(_ ctxReq: Int, _ genReq: Int, _ genTok: Int) -> StepRecord {
      StepRecord(
        contextRequests: ctxReq, contextTokens: ctxReq * 10, generationRequests: genReq, generationTokens: genTok,
        elapsedCentiMs: 100, kvUsagePermille: nil, isDummy: false)
    }
    #expect(step(0, 1, 256).kind(decodeQueryLen: 1) == .recompute)
    #expect(step(0, 3, 3).kind(decodeQueryLen: 1) == .decode)
    #expect(step(0, 2, 8).kind(decodeQueryLen: 4) == .decode)
    #expect(step(0, 2, 9).kind(decodeQueryLen: 4) == .recompute)
    #expect(step(1, 1, 256).kind(decodeQueryLen: 1) == .mixed)
    #expect(step(0, 0, 0).kind(decodeQueryLen: 1) == .idle)
  }

  @Test func kindIndexMatchesAllCasesOrder() {
    for (i, kind) in StepKind.allCases.enumerated() { #expect(kind.index == i) }
  }
}
