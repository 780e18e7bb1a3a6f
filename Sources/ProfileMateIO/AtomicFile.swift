#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes files so that a reader never sees half of one: the bytes go to a temporary file
/// in the same directory, which is renamed over the target when complete.
public enum AtomicFile {
  /// Writes `bytes` to `path` atomically.
  /// - Throws: ``InputError`` naming the path when any step fails; the temporary file is removed.
  public static func write(_ bytes: [UInt8], to path: String) throws {
    // A fresh name, created exclusively and never through a symbolic link someone placed there.
    let tmp = path + ".tmp-\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 36))"
    let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
    guard fd >= 0 else { throw InputError("\(path): cannot write: \(String(cString: strerror(errno)))", exitCode: 2) }
    var failure: Int32 = 0
    bytes.withUnsafeBytes { raw in
      var off = 0
      while off < raw.count {
        #if canImport(Glibc)
          let n = Glibc.write(fd, raw.baseAddress! + off, raw.count - off)
        #else
          let n = Darwin.write(fd, raw.baseAddress! + off, raw.count - off)
        #endif
        if n < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        off += n
      }
    }
    if failure == 0 && fsync(fd) != 0 { failure = errno }
    if close(fd) != 0 && failure == 0 { failure = errno }
    if failure == 0 && rename(tmp, path) != 0 { failure = errno }
    guard failure == 0 else {
      unlink(tmp)
      throw InputError("\(path): cannot write: \(String(cString: strerror(failure)))", exitCode: 2)
    }
  }

  /// Writes a UTF-8 string to `path` atomically.
  public static func write(_ text: String, to path: String) throws {
    try write(Array(text.utf8), to: path)
  }

  /// Creates a directory (and its parents) if missing.
  public static func makeDirectory(_ path: String) throws {
    var partial = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/") {
      partial += component + "/"
      if mkdir(partial, 0o755) != 0 && errno != EEXIST {
        throw InputError("\(path): cannot create directory: \(String(cString: strerror(errno)))", exitCode: 2)
      }
    }
  }
}
