#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finds the example run directory that ships in `examples/`, for `analyze` without a path.
public enum BundledExample {
  public static let relativePath = "examples/vllm-cpu-0.32-2048"

  /// The example's path: relative to the working directory, else to the executable
  /// (`.build/<config>/profilemate` lives three levels below the package root).
  public static func path() throws -> String {
    var candidates = [relativePath]
    if let exe = executableDirectory() {
      candidates.append(exe + "/../../" + relativePath)
      candidates.append(exe + "/../../../" + relativePath)
    }
    for candidate in candidates where access(candidate, R_OK) == 0 { return normalized(candidate) }
    throw AppError(
      "no log given and the bundled example (\(relativePath)) was not found; pass a log or run directory, e.g. profilemate analyze server.log",
      exitCode: 2)
  }

  /// `path` with its `.` and `dir/..` parts removed (the report names the file the reader will recognise).
  static func normalized(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      if part == "." { continue }
      if part == "..", let last = parts.last, last != ".." {
        parts.removeLast()
        continue
      }
      parts.append(part)
    }
    let joined = parts.joined(separator: "/")
    return path.hasPrefix("/") ? "/" + joined : joined
  }

  private static func executableDirectory() -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard n > 0 else { return nil }
    let path = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    guard let slash = path.lastIndex(of: "/") else { return nil }
    return String(path[..<slash])
  }
}
