import Testing

@testable import ProfileMateCore

@Suite struct StepStoreTests {
  private func record(_ i: Int) -> StepRecord {
    StepRecord(
      contextRequests: i % 3, contextTokens: i % 1000, generationRequests: i % 5, generationTokens: i % 5,
      elapsedCentiMs: UInt32(i), kvUsagePermille: nil, isDummy: false)
  }

  @Test func keepsOrderAcrossChunks() {
    let n = StepStore.chunkCapacity * 2 + 17
    var store = StepStore()
    for i in 0..<n { store.append(record(i)) }
    #expect(store.count == n)
    #expect(store[0].elapsedCentiMs == 0)
    #expect(store[StepStore.chunkCapacity].elapsedCentiMs == UInt32(StepStore.chunkCapacity))
    #expect(store[n - 1].elapsedCentiMs == UInt32(n - 1))
    var seen = 0
    var inOrder = true
    store.forEachChunk { chunk in
      for r in chunk {
        if r.elapsedCentiMs != UInt32(seen) { inOrder = false }
        seen += 1
      }
    }
    #expect(seen == n && inOrder)
    #expect(Array(store.suffix(2)).map(\.elapsedCentiMs) == [UInt32(n - 2), UInt32(n - 1)])
  }

  @Test func equalityComparesRecords() {
    let a = StepStore((0..<10).map(record))
    var b = StepStore((0..<9).map(record))
    #expect(a != b)
    b.append(record(9))
    #expect(a == b)
  }
}
