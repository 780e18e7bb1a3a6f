/// The steps of one engine, in log order: ``StepRecord``s kept in fixed-size chunks.
///
/// A run can log millions of steps. One flat array would double its capacity as it grows, so that
/// at the moment of a reallocation the old and the new buffer are both alive (up to three times the
/// records' size, plus the kernel's work of zeroing the new pages). Chunks of ``chunkCapacity``
/// records keep memory at 16 bytes a step plus at most one partly filled chunk.
public struct StepStore: Sendable, Equatable, RandomAccessCollection, ExpressibleByArrayLiteral {
  /// Records per chunk (a power of two: 1 MiB of records).
  public static let chunkCapacity = 1 << 16
  private static let shift = 16
  private var chunks: [[StepRecord]] = []

  /// The number of steps.
  public private(set) var count = 0

  /// Creates an empty store.
  public init() {}

  /// Creates a store holding `records` in order.
  public init<S: Sequence>(_ records: S) where S.Element == StepRecord {
    for r in records { append(r) }
  }

  /// Creates a store holding the listed records.
  public init(arrayLiteral records: StepRecord...) {
    self.init(records)
  }

  /// Adds a step at the end.
  public mutating func append(_ record: StepRecord) {
    if chunks.isEmpty || chunks[chunks.count - 1].count == Self.chunkCapacity {
      var chunk: [StepRecord] = []
      // The first chunk grows as needed (small logs stay small); later ones are allocated whole.
      if !chunks.isEmpty { chunk.reserveCapacity(Self.chunkCapacity) }
      chunks.append(chunk)
    }
    chunks[chunks.count - 1].append(record)
    count += 1
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { count }

  public subscript(position: Int) -> StepRecord {
    precondition(position >= 0 && position < count, "step index out of range")
    return chunks[position >> Self.shift][position & (Self.chunkCapacity - 1)]
  }

  /// Calls `body` with each chunk of records in order: the fast way to visit every step.
  public func forEachChunk(_ body: (UnsafeBufferPointer<StepRecord>) throws -> Void) rethrows {
    for chunk in chunks { try chunk.withUnsafeBufferPointer(body) }
  }

  public static func == (a: StepStore, b: StepStore) -> Bool {
    a.count == b.count && a.chunks == b.chunks
  }
}
