import Kernels
import ProfileMateCore

/// The first bytes of a stream (already read to detect its kind), then the rest of it.
final class ReplayingSource: TraceByteSource {
  private let head: BytesSource
  private var headDone = false
  private let rest: ByteSource

  init(head: [UInt8], rest: ByteSource) {
    self.head = BytesSource(head)
    self.rest = rest
  }

  func read(into buffer: UnsafeMutableRawPointer, capacity: Int) throws -> Int {
    if !headDone {
      let n = try head.read(into: buffer, capacity: capacity)
      if n > 0 { return n }
      headDone = true
    }
    return try rest.read(into: buffer, capacity: capacity)
  }
}
