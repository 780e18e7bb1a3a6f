import MockEngine
import Testing

// Every expectation below is worked out by hand from vLLM V1's scheduling rules (see V1Scheduler's doc
// comment); the derivation is in the comment above each check.

@Suite struct V1SchedulerTests {
  func entries(_ s: ScheduledStep) -> [String] { s.entries.map { "\($0.id):\($0.tokens)\($0.isContext ? "c" : "g")" } }

  @Test func chunkedPrefillSplitsALongPromptAndFillsTheRestOfTheBudget() {
    // Budget 8, block 4. A: 10-token prompt, 2 outputs. B (3-token prompt, 1 output) arrives after step 1.
    var s = V1Scheduler(config: EngineConfig(maxNumSeqs: 4, maxNumBatchedTokens: 8, blockSize: 4, numBlocks: 100))
    let addedA = s.add(EngineRequest(id: "A", promptTokens: 10, maxTokens: 2))
    #expect(addedA)
    // Step 1: A gets min(10, 8) = 8 tokens, ceil(8/4) = 2 blocks; 8 < 10 computed, so no token.
    let s1 = s.schedule()
    #expect(entries(s1) == ["A:8c"])
    #expect(s.freeBlocks == 98)
    #expect(s.complete(s1).tokens.isEmpty)
    let addedB = s.add(EngineRequest(id: "B", promptTokens: 3, maxTokens: 1))
    #expect(addedB)
    // Step 2: A needs the last 2 prompt tokens (context: no output yet), ceil(10/4) = 3 blocks (+1);
    // 6 tokens of budget remain, B's whole 3-token prompt fits (1 block). Both sample a token; B finishes.
    let s2 = s.schedule()
    #expect(entries(s2) == ["A:2c", "B:3c"])
    #expect(s.freeBlocks == 96)
    let o2 = s.complete(s2)
    #expect(o2.tokens.map(\.id) == ["A", "B"])
    #expect(o2.finished == ["B"])
    #expect(s.freeBlocks == 97)
    // Step 3: A decodes 1 token (length 11, ceil(11/4) = 3 blocks: none new) and reaches max_tokens = 2.
    let s3 = s.schedule()
    #expect(entries(s3) == ["A:1g"])
    #expect(s.complete(s3).finished == ["A"])
    #expect(s.freeBlocks == 100)
    #expect(!s.hasWork)
  }

  @Test func theSequenceCapKeepsASecondRequestWaitingUntilTheFirstFinishes() {
    // max_num_seqs 1: B is not admitted while A runs, although the budget has room.
    var s = V1Scheduler(config: EngineConfig(maxNumSeqs: 1, maxNumBatchedTokens: 8, blockSize: 4, numBlocks: 100))
    s.add(EngineRequest(id: "A", promptTokens: 2, maxTokens: 2))
    s.add(EngineRequest(id: "B", promptTokens: 2, maxTokens: 1))
    let s1 = s.schedule()
    #expect(entries(s1) == ["A:2c"])
    _ = s.complete(s1)
    // Step 2: A decodes and finishes; it is still running while step 2 is scheduled, so B still waits.
    let s2 = s.schedule()
    #expect(entries(s2) == ["A:1g"])
    #expect(s.complete(s2).finished == ["A"])
    // Step 3: B is admitted.
    let s3 = s.schedule()
    #expect(entries(s3) == ["B:2c"])
    #expect(s.complete(s3).finished == ["B"])
  }

  @Test func aShortKVPoolPreemptsTheLastRunningRequestWhichRecomputes() {
    // Block 2, 3 blocks (6 tokens). A: prompt 2, 3 outputs (5 tokens). B: prompt 2, 2 outputs (4 tokens).
    var s = V1Scheduler(config: EngineConfig(maxNumSeqs: 4, maxNumBatchedTokens: 16, blockSize: 2, numBlocks: 3))
    s.add(EngineRequest(id: "A", promptTokens: 2, maxTokens: 3))
    s.add(EngineRequest(id: "B", promptTokens: 2, maxTokens: 2))
    // Step 1: both prompts (1 block each, 1 free); each samples its first token (length 3).
    let s1 = s.schedule()
    #expect(entries(s1) == ["A:2c", "B:2c"])
    #expect(s.freeBlocks == 1)
    _ = s.complete(s1)
    // Step 2: A's decode needs ceil(3/2) = 2 blocks: takes the free one. B's needs a second block too, none is
    // free: the last running request (B itself) is preempted: its block is freed, its progress dropped, it
    // goes to the front of the waiting queue, and since a preemption happened nothing is admitted.
    let s2 = s.schedule()
    #expect(entries(s2) == ["A:1g"])
    #expect(s2.preempted == ["B"])
    #expect(s.freeBlocks == 1)
    #expect(s.waiting == ["B"])
    #expect(s.states["B"]?.computed == 0)
    #expect(s.states["B"]?.output == 1)
    _ = s.complete(s2)
    // Step 3: A decodes (length 4 → still 2 blocks). B must recompute prompt + its 1 output = 3 tokens,
    // ceil(3/2) = 2 blocks, only 1 free: admission stops. A reaches 3 outputs and frees its 2 blocks.
    let s3 = s.schedule()
    #expect(entries(s3) == ["A:1g"])
    #expect(s.complete(s3).finished == ["A"])
    #expect(s.freeBlocks == 3)
    // Step 4: B recomputes 3 tokens (a context request again) and samples its 2nd, last token.
    let s4 = s.schedule()
    #expect(entries(s4) == ["B:3c"])
    let o4 = s.complete(s4)
    #expect(o4.tokens.map(\.output) == [2])
    #expect(o4.finished == ["B"])
    #expect(s.preemptionCount == 1)
  }

  @Test func withoutChunkedPrefillAPromptThatDoesNotFitBlocksTheQueue() {
    // Budget 8, no chunking. A (6) fits; B (4) does not fit the 2 left and waits; C (1) is behind B (FCFS).
    var s = V1Scheduler(
      config: EngineConfig(
        maxNumSeqs: 8, maxNumBatchedTokens: 8, chunkedPrefill: false, blockSize: 4, numBlocks: 100,
        maxModelLen: 8))
    s.add(EngineRequest(id: "A", promptTokens: 6, maxTokens: 2))
    s.add(EngineRequest(id: "B", promptTokens: 4, maxTokens: 1))
    s.add(EngineRequest(id: "C", promptTokens: 1, maxTokens: 1))
    let s1 = s.schedule()
    #expect(entries(s1) == ["A:6c"])
    _ = s.complete(s1)
    // Step 2: A decodes 1; 7 left: B (4) and C (1) are admitted.
    #expect(entries(s.schedule()) == ["A:1g", "B:4c", "C:1c"])
  }

  @Test func requestsTooLongForTheModelAreRejected() {
    let s = V1Scheduler(config: EngineConfig(maxModelLen: 100))
    #expect(s.rejection(EngineRequest(id: "x", promptTokens: 90, maxTokens: 11)) != nil)
    #expect(s.rejection(EngineRequest(id: "x", promptTokens: 90, maxTokens: 10)) == nil)
    #expect(s.rejection(EngineRequest(id: "x", promptTokens: 0, maxTokens: 10)) != nil)
  }

  @Test func abortFreesBlocks() {
    var s = V1Scheduler(config: EngineConfig(blockSize: 4, numBlocks: 10))
    s.add(EngineRequest(id: "A", promptTokens: 9, maxTokens: 5))
    _ = s.complete(s.schedule())  // 9 tokens: 3 blocks
    #expect(s.freeBlocks == 7)
    let aborted = s.abort("A")
    #expect(aborted)
    #expect(s.freeBlocks == 10)
    #expect(!s.hasWork)
  }
}
