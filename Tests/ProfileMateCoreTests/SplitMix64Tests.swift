import Testing

@testable import ProfileMateCore

@Suite struct SplitMix64Tests {
  // Reference: Vigna's splitmix64.c; the same in Python:
  //   M = 2**64 - 1; s = seed
  //   s = (s + 0x9E3779B97F4A7C15) & M; z = s
  //   z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M; z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
  //   z ^ (z >> 31)
  @Test func matchesTheReferenceSequence() {
    var g = SplitMix64(seed: 1_234_567)
    #expect(g.next() == 6_457_827_717_110_365_317)
    #expect(g.next() == 3_203_168_211_198_807_973)
    #expect(g.next() == 9_817_491_932_198_370_423)
    var z = SplitMix64(seed: 0)
    #expect(z.next() == 16_294_208_416_658_607_535)
  }

  @Test func belowIsTheHighWordOfTheProduct() {
    // Python: [(x * 10) >> 64 for the first 8 outputs of seed 42]
    var g = SplitMix64(seed: 42)
    #expect((0..<8).map { _ in g.below(10) } == [7, 1, 2, 3, 0, 8, 2, 8])
  }
}
