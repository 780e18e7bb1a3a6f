/// Bytes in memory as a ``TraceByteSource``.
public final class BytesSource: TraceByteSource {
  private let bytes: [UInt8]
  private var position: Int

  /// A source that yields `bytes` from `start`.
  public init(_ bytes: [UInt8], start: Int = 0) {
    self.bytes = bytes
    position = start
  }

  public func read(into buffer: UnsafeMutableRawPointer, capacity: Int) throws -> Int {
    let n = min(capacity, bytes.count - position)
    guard n > 0 else { return 0 }
    bytes.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress! + position, byteCount: n) }
    position += n
    return n
  }
}
