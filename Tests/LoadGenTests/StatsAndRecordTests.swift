import LoadGen
import Testing

@Suite struct StatsAndRecordTests {
  @Test func percentilesInterpolateLikeNumPy() {
    // python3 -c "import numpy as np; print(np.percentile([1,2,3,4],90), np.percentile([15,20,35,40,50],40))"
    // → 3.7 29.0 (rank p/100 × (n − 1), linear between neighbours)
    #expect(abs(Stats.percentile([1, 2, 3, 4], 90)! - 3.7) < 1e-12)
    #expect(abs(Stats.percentile([15, 20, 35, 40, 50], 40)! - 29) < 1e-12)
    #expect(Stats.percentile([], 50) == nil)
    // np.std([2,4,4,4,5,5,7,9]) → 2.0 (population)
    #expect(abs(Stats.std([2, 4, 4, 4, 5, 5, 7, 9])! - 2) < 1e-12)
  }

  @Test func chunkAndTokenITLsDifferWhenAChunkCarriesSeveralTokens() {
    // Start 1.0; text chunks at 1.1 (1 token), 1.3 (3 tokens), 1.4 (1 token); end 1.5; usage 5 tokens.
    var r = RequestRecord(index: 0, intendedInput: 10, maxTokens: 5, due: 1, eligible: 1, start: 1)
    r.chunkTimes = [1.1, 1.3, 1.4]
    r.chunkTokens = [1, 3, 1]
    r.end = 1.5
    r.completionTokens = 5
    // TTFT 0.1; per chunk ITL: 0.2, 0.1; per token: 0.2 / 3 three times, then 0.1.
    #expect(abs(r.ttft! - 0.1) < 1e-12)
    let chunk = r.chunkITLs
    #expect(chunk.count == 2 && abs(chunk[0] - 0.2) < 1e-12 && abs(chunk[1] - 0.1) < 1e-12)
    let token = r.tokenITLs
    #expect(token.count == 4)
    #expect(token.prefix(3).allSatisfy { abs($0 - 0.2 / 3) < 1e-12 } && abs(token[3] - 0.1) < 1e-12)
    // TPOT: (latency 0.5 − TTFT 0.1) / (5 − 1) = 0.1.
    #expect(abs(r.tpot! - 0.1) < 1e-12)
    #expect(r.streamTokens == 5 && r.succeeded)
  }

  @Test func arrivalsAreScaledToTheRequestedRate() {
    var random = SeededRandom(seed: 7)
    let offsets = ArrivalSchedule.offsets(count: 100, rate: 10, burstiness: 1, random: &random)
    // The last due time is count / rate = 10 s; gaps are positive.
    #expect(abs(offsets.last! - 10) < 1e-9)
    #expect(zip(offsets, offsets.dropFirst()).allSatisfy { $0 < $1 })
    var r2 = SeededRandom(seed: 7)
    #expect(ArrivalSchedule.offsets(count: 3, rate: .infinity, burstiness: 1, random: &r2) == [0, 0, 0])
  }

  @Test func gammaSamplesHaveTheirMean() {
    // Gamma(shape 2, scale 0.5): mean 1, variance 0.5; the mean of 20,000 samples has σ = √(0.5/20000) = 0.005.
    var random = SeededRandom(seed: 1)
    let n = 20_000
    let mean = (0..<n).reduce(0.0) { s, _ in s + random.gamma(shape: 2, scale: 0.5) } / Double(n)
    #expect(abs(mean - 1) < 0.02)
    // Shape 0.5 (bursty), scale 2: mean 1, variance 2 → σ of the mean 0.01.
    let bursty = (0..<n).reduce(0.0) { s, _ in s + random.gamma(shape: 0.5, scale: 2) } / Double(n)
    #expect(abs(bursty - 1) < 0.04)
  }

  @Test func randomPromptsHaveTheLengthsAsked() {
    var random = SeededRandom(seed: 0)
    let w = RandomDataset.make(
      count: 50, inputLen: 100, outputLen: 20, rangeRatio: 0.5, prefixLen: 5, vocabSize: 1000, chat: false,
      random: &random)
    // Input 5 + [50, 150], output [10, 30]; ids within [4, 1000).
    #expect(w.allSatisfy { (55...155).contains($0.inputLen) && $0.tokenIDs?.count == $0.inputLen })
    #expect(w.allSatisfy { (10...30).contains($0.outputLen) })
    #expect(w.allSatisfy { $0.tokenIDs!.allSatisfy { (4..<1000).contains($0) } })
    #expect(Set(w.map(\.inputLen)).count > 5)
  }
}
