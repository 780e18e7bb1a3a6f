import ProfileMateCore
import VLLMLog

/// Streams a log from a ``ByteSource`` through a ``LogReader`` with bounded memory.
public enum LogFileReader {
  /// Size of one read.
  public static let chunkSize = 4 << 20

  /// Reads the log at `path` (`-` for standard input, `.gz` detected by content).
  /// - Parameters:
  ///   - progress: called after each chunk with the bytes read so far and the file size.
  /// - Throws: ``InputError`` when the input cannot be opened or read.
  public static func read(
    path: String, maxLineBytes: Int = 1 << 20, progress: ((Int, Int?) -> Void)? = nil
  ) throws -> RunModel {
    let source = try ByteSource(path: path)
    let capacity = max(chunkSize, maxLineBytes) + chunkSize
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    defer { buffer.deallocate() }
    var filled = 0
    var total = 0
    var reader: LogReader?
    var skippingOverlong = false
    while true {
      let n = try source.read(into: buffer + filled, capacity: min(chunkSize, capacity - filled))
      total += n
      let eof = n == 0
      filled += n
      if reader == nil {
        if !eof && filled < chunkSize { continue }
        let widths = WrapDetector.widths(sample: UnsafeRawBufferPointer(start: buffer, count: filled))
        reader = LogReader(
          source: path, options: LogReaderOptions(wrapWidths: widths, maxLineBytes: maxLineBytes))
      }
      guard let r = reader else { break }
      if eof {
        let rest = UnsafeRawBufferPointer(start: buffer, count: filled)
        if skippingOverlong { return r.finish(trailing: UnsafeRawBufferPointer(start: nil, count: 0)) }
        return r.finish(trailing: rest)
      }
      var start = 0
      if skippingOverlong {
        // Drop the rest of an over-long line up to its newline.
        let view = UnsafeRawBufferPointer(start: buffer, count: filled)
        guard let nl = view.firstIndex(of: 0x0A) else {
          filled = 0
          continue
        }
        start = nl + 1
        skippingOverlong = false
      }
      let used = start + r.feed(UnsafeRawBufferPointer(start: buffer + start, count: filled - start))
      let left = filled - used
      if used == 0 && left >= maxLineBytes {
        r.feedOverlongLine(UnsafeRawBufferPointer(start: buffer, count: maxLineBytes))
        skippingOverlong = true
        filled = 0
        continue
      }
      if left > 0 && used > 0 { (buffer).copyMemory(from: buffer + used, byteCount: left) }
      filled = left
      progress?(total, source.fileSize)
    }
    return RunModel(source: path)
  }
}
