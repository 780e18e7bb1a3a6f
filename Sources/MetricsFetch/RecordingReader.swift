import ProfileMateIO
import PromMetrics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a recording folder — written by `profilemate watch --record`, or a fixture's `metrics/` folder — as
/// its index rows, loading each successful scrape on demand.
public struct RecordingReader: Sendable {
  /// The folder.
  public let directory: String
  /// Every row of index.tsv in order (failed attempts included).
  public let rows: [RecordingIndex.Row]
  /// 1-based numbers of index.tsv lines that could not be read.
  public let malformedLines: [Int]

  /// Opens the recording in `path`: a folder holding `index.tsv`, or the `index.tsv` itself.
  /// - Throws: ``InputError`` when there is no index.tsv.
  public init(path: String) throws {
    var dir = path
    while dir.count > 1 && dir.hasSuffix("/") { dir.removeLast() }
    if dir.hasSuffix("/index.tsv") || dir == "index.tsv" {
      dir = dir == "index.tsv" ? "." : String(dir.dropLast("/index.tsv".count))
    }
    var st = stat()
    guard stat(dir + "/index.tsv", &st) == 0 else {
      throw InputError("\(path): not a recording (no index.tsv; expected a folder written by watch --record)")
    }
    directory = dir
    let parsed = RecordingIndex.parse(String(decoding: try ByteSource.readAll(dir + "/index.tsv"), as: UTF8.self))
    rows = parsed.rows
    malformedLines = parsed.malformed
  }

  /// The most bytes a scrape file (or a scrape given to `metrics`) may hold: 256 MiB, about 7,000 engines of a
  /// vLLM 0.32 server (36 KB each); parsing one takes about 7× its size in memory.
  public static let maxScrapeBytes = 256 << 20

  /// The bytes of a scrape file (a path, a .gz file or `-`), at most ``maxScrapeBytes``.
  /// - Throws: ``InputError`` naming the path, also when it is larger.
  public static func readScrape(_ path: String) throws -> [UInt8] {
    try ByteSource.readAll(path, limit: maxScrapeBytes, what: "a /metrics scrape")
  }

  /// The body of a successful row's scrape.
  /// - Throws: ``InputError`` when its file is missing or unreadable.
  public func body(of row: RecordingIndex.Row) throws -> [UInt8] {
    // A scrape lives in the recording's folder: an index naming another path is not followed.
    guard !row.file.isEmpty, !row.file.contains("/"), row.file != ".", row.file != ".." else {
      throw InputError("\(directory)/index.tsv: scrape file '\(row.file)' is not a name in the recording's folder")
    }
    return try Self.readScrape(directory + "/" + row.file)
  }

  /// The Unix milliseconds of the row whose file is `name`, if listed.
  public func epochMs(ofFile name: String) -> Int64? {
    rows.first { $0.file == name }?.epochMs
  }
}
