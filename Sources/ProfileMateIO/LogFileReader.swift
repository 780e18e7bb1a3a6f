import Dispatch
import ProfileMateCore
import VLLMLog

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Streams a log from a ``ByteSource`` through a ``LogReader`` with bounded memory.
public enum LogFileReader {
  /// Size of one read.
  public static let chunkSize = 4 << 20

  /// The processors online: the default for `threads`.
  public static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

  /// Reads the log at `path` (`-` for standard input, `.gz` detected by content).
  /// - Parameters:
  ///   - threads: threads that may read a regular file at once (iteration lines are pre-parsed
  ///     ahead in parallel; the result does not depend on this number).
  ///   - progress: called after each chunk with the bytes read so far and the file size.
  /// - Throws: ``InputError`` when the input cannot be opened or read.
  public static func read(
    path: String, maxLineBytes: Int = 1 << 20, threads: Int = processorCount,
    progress: ((Int, Int?) -> Void)? = nil
  ) throws -> RunModel {
    try read(path: path, maxLineBytes: maxLineBytes, threads: threads, window: windowSize, progress: progress)
  }

  /// ``read(path:maxLineBytes:threads:progress:)`` with mapped windows of `window` bytes (for tests).
  static func read(
    path: String, maxLineBytes: Int, threads: Int, window: Int, progress: ((Int, Int?) -> Void)?
  ) throws -> RunModel {
    let source = try ByteSource(path: path)
    if !source.isCompressed, let size = source.fileSize, size > 0, path != "-",
      let model = try readMapped(
        source: source, path: path, size: size, maxLineBytes: maxLineBytes, threads: threads,
        window: window, progress: progress)
    {
      return model
    }
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

  /// Private mapping, pre-faulted where the system offers it (Linux's `MAP_POPULATE`).
  #if os(Linux)
    static let mapFlags = MAP_PRIVATE | MAP_POPULATE
  #else
    static let mapFlags = MAP_PRIVATE
  #endif

  /// Size of one mapped window of a regular file.
  static let windowSize = 16 << 20

  /// Reads a regular file through memory-mapped windows (no copy into a buffer); windows are
  /// unmapped as soon as they are read, so memory does not grow with the file. Returns nil
  /// when the file cannot be mapped (the caller then reads it with `read`).
  private static func readMapped(
    source: ByteSource, path: String, size: Int, maxLineBytes: Int, threads: Int, window: Int,
    progress: ((Int, Int?) -> Void)?
  ) throws -> RunModel? {
    var split = ParallelSplit(helpers: min(max(threads, 1), 8) - 1)
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    var offset = 0  // file offset of the first unconsumed byte
    var reader: LogReader?
    var skipping = false  // inside a line longer than a window, after its head was read
    while offset < size {
      let base = offset - offset % page
      let length = min(size - base, max(window, offset - base + maxLineBytes + page))
      guard let map = mmap(nil, length, PROT_READ, mapFlags, source.descriptor, off_t(base)),
        map != MAP_FAILED
      else { return nil }  // not mappable: the caller reads the file from its start instead
      defer { munmap(map, length) }
      madvise(map, length, MADV_SEQUENTIAL)
      let start = offset - base
      let view = UnsafeRawBufferPointer(start: map + start, count: length - start)
      if reader == nil {
        let widths = WrapDetector.widths(sample: UnsafeRawBufferPointer(rebasing: view.prefix(chunkSize)))
        reader = LogReader(source: path, options: LogReaderOptions(wrapWidths: widths, maxLineBytes: maxLineBytes))
      }
      guard let r = reader else { return nil }
      if skipping {
        guard let nl = view.firstIndex(of: 0x0A) else {
          offset += view.count
          continue
        }
        offset += nl + 1
        skipping = false
        continue
      }
      let atEnd = base + length >= size
      var consumed = 0
      if r.acceptsPreparsed, view.count >= ParallelSplit.minimumBytes, split.takesNextWindow() {
        consumed = split.read(view, with: r, maxLineBytes: maxLineBytes)
      }
      let rest = UnsafeRawBufferPointer(rebasing: view[consumed...])
      if atEnd { return r.finish(trailing: rest) }
      let used = consumed + r.feed(rest)
      if used == 0 {
        // One line longer than a window (no newline in it): keep its head, skip to its end, which
        // lies in a later window.
        r.feedOverlongLine(UnsafeRawBufferPointer(rebasing: view.prefix(maxLineBytes)))
        offset += view.count
        skipping = true
      } else {
        offset += used
      }
      progress?(offset, size)
    }
    return reader?.finish(trailing: UnsafeRawBufferPointer(start: nil, count: 0))
  }
}
