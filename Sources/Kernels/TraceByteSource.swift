/// Where a streaming reader gets its bytes from: a file, a pipe or a decompressor (see `ProfileMateIO`).
/// `read` fills up to `capacity` bytes and returns how many; 0 means the end.
public protocol TraceByteSource: AnyObject {
  /// Reads up to `capacity` bytes into `buffer`; returns 0 at the end of the input.
  func read(into buffer: UnsafeMutableRawPointer, capacity: Int) throws -> Int
}
