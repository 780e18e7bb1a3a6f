import ProfileMateIO
import PromMetrics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Appends scrapes to a recording folder (`.prom` files plus `index.tsv`, the fixtures' layout), crash-safe:
/// each body goes to a temporary file that is synced and renamed into place, and only then is its index row
/// appended with a single `write` and `fsync`. A process killed at any moment loses at most the scrape in
/// flight; a row cut short by a crash is dropped when the recording is reopened.
public final class RecordingWriter {
  /// The folder.
  public let directory: String
  /// Rows appended by this writer.
  public private(set) var appended = 0
  private var nextSeq: Int
  private let indexFD: Int32

  /// Opens (creating if needed) the recording folder `directory`; an existing recording is continued after its
  /// last row.
  /// - Throws: ``InputError`` naming the path.
  public init(directory: String) throws {
    self.directory = directory
    try AtomicFile.makeDirectory(directory)
    let indexPath = directory + "/index.tsv"
    var st = stat()
    if stat(indexPath, &st) != 0 {
      try AtomicFile.write(RecordingIndex.header + "\n", to: indexPath)
    }
    let existing = try ByteSource.readAll(indexPath)
    // A last line without its newline was cut short by a crash: drop it so the next row starts cleanly.
    if let last = existing.last, last != UInt8(ascii: "\n") {
      let keep = (existing.lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
      guard truncate(indexPath, off_t(keep)) == 0 else { throw Self.error(indexPath, "cannot repair") }
    }
    let rows = RecordingIndex.parse(String(decoding: existing, as: UTF8.self)).rows
    nextSeq = (rows.compactMap { Int($0.seq) }.max() ?? 0) + 1
    indexFD = open(indexPath, O_WRONLY | O_APPEND | O_CLOEXEC)
    guard indexFD >= 0 else { throw Self.error(indexPath, "cannot open") }
  }

  deinit { close(indexFD) }

  /// Records one scrape attempt: `body` for a successful scrape (status `200`), nil with the failure's
  /// status (`000ERR`, `404`, …) otherwise.
  /// - Returns: the row appended.
  /// - Throws: ``InputError`` when the disk refuses.
  @discardableResult
  public func append(body: [UInt8]?, epochMs: Int64, status: String) throws -> RecordingIndex.Row {
    let utc = RecordingIndex.utc(epochMs: epochMs)
    let name = RecordingIndex.fileName(seq: nextSeq, utc: utc)
    let row = RecordingIndex.Row(
      seq: RecordingIndex.seqText(nextSeq), utc: utc, epochMs: epochMs, file: name,
      status: body == nil ? status : "200")
    if let body {
      try AtomicFile.write(body, to: directory + "/" + name)
      syncDirectory()
    }
    let line = Array(row.line.utf8)
    let written = line.withUnsafeBytes { write(indexFD, $0.baseAddress, $0.count) }
    guard written == line.count else { throw Self.error(directory + "/index.tsv", "cannot append to") }
    guard fsync(indexFD) == 0 else { throw Self.error(directory + "/index.tsv", "cannot sync") }
    nextSeq += 1
    appended += 1
    return row
  }

  /// Makes the rename durable (best effort: some file systems refuse to sync a directory).
  private func syncDirectory() {
    let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    fsync(fd)
    close(fd)
  }

  static func error(_ path: String, _ what: String) -> InputError {
    InputError("\(path): \(what): \(String(cString: strerror(errno)))", exitCode: 1)
  }
}
