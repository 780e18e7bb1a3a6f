import Foundation
import ProfileMateCore
import ProfileMateIO

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension InputDetector {
  /// Bytes read from the start of a file to classify it.
  public static let headBytes = 1 << 16
  /// The largest JSON document read whole to classify it.
  public static let documentBytes = 256 << 20

  /// The kind of the input at `path`, decided from its first bytes (decompressed) or a directory's entries.
  ///
  /// Only regular files and directories are read: standard input (`-`), pipes and devices are not probed (a
  /// probe would consume what the command then reads) and are taken as text logs.
  /// - Throws: ``InputError`` when the path cannot be read (the same message the log reader gives), and
  ///   ``InputDetectionError`` when nothing recognises the content.
  public static func detect(path: String) throws -> InputKind {
    guard let sample = try sample(path: path) else { return .textLog }
    guard let kind = classify(sample) else { throw InputDetectionError(path: path, found: nil, accepted: []) }
    return kind
  }

  /// Detects `path` and checks that it is one of `accepted` kinds (for `command`'s message).
  public static func detect(path: String, accepting accepted: Set<InputKind>, command: String) throws -> InputKind {
    guard let sample = try sample(path: path) else { return .textLog }
    let kind = classify(sample)
    guard let kind, accepted.contains(kind) else {
      throw InputDetectionError(path: path, found: kind, accepted: accepted, command: command)
    }
    return kind
  }

  /// The sample of `path`: nil for standard input and for anything that is neither a regular file nor a directory.
  static func sample(path: String) throws -> InputSample? {
    guard path != "-" else { return nil }
    var st = stat()
    guard stat(path, &st) == 0 else {
      throw InputError("\(path): \(String(cString: strerror(errno)))")
    }
    let type = st.st_mode & S_IFMT
    if type == S_IFDIR {
      var entries = (try? FileManager.default.contentsOfDirectory(atPath: path))?.sorted() ?? []
      if entries.contains("metrics"), access(path + "/metrics/index.tsv", R_OK) == 0 {
        entries.append("metrics/index.tsv")
      }
      return InputSample(entries: entries)
    }
    guard type == S_IFREG else { return nil }
    let source = try ByteSource(path: path)
    var head = try read(source, upTo: headBytes)
    var complete = head.count < headBytes
    if !complete && leadsWithBrace(head) && !leadingLines(head).contains(where: isJSONLogLine) {
      // A JSON document (a saved report, a bench result): read whole to parse it.
      head += try read(source, upTo: documentBytes - head.count)
      complete = head.count < documentBytes
    }
    return InputSample(head: head, complete: complete)
  }

  static func read(_ source: ByteSource, upTo limit: Int) throws -> [UInt8] {
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: min(limit, 1 << 20))
    while out.count < limit {
      let want = min(chunk.count, limit - out.count)
      let n = try chunk.withUnsafeMutableBytes { try source.read(into: $0.baseAddress!, capacity: want) }
      if n == 0 { break }
      out.append(contentsOf: chunk[0..<n])
    }
    return out
  }
}
