import Foundation

/// Paths of the shared fixtures (`../shared`, beside the package) and of the package's own files.
enum AppFixtures {
  /// The package root, from this file's path (`Tests/ProfileMateAppTests/…`).
  static let packageRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
  }()

  static let shared = packageRoot + "/../shared/fixtures"
  static let cpuRun1 = shared + "/vllm-cpu/run1-info-2048"
  static let real = shared + "/real"

  /// Whether ../shared/fixtures is there (the tests that read it are skipped, saying so, without it).
  static var available: Bool { FileManager.default.fileExists(atPath: shared) }

  /// A fresh temporary directory.
  static func temporaryDirectory() throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pm-app-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
  }

  /// Writes `text` to `name` in `dir`; returns the path.
  @discardableResult
  static func write(_ text: String, _ name: String, in dir: String) throws -> String {
    let path = dir + "/" + name
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// The JSON-formatter form of a text log (vLLM's `--logging-config` JSON lines: `asctime`, `levelname`, `name`,
  /// `processName`, `process`, `message`), record by record; other lines stay as they are.
  static func jsonForm(of text: String) throws -> String {
    let record =
      /^(?:\((\S+) pid=(\d+)\) )?(DEBUG|INFO|WARNING|ERROR|CRITICAL) (\d\d-\d\d \d\d:\d\d:\d\d) \[[^\]]+\] ?(.*)$/
    var out: [String] = []
    for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
      .dropLast()
    {
      guard let m = try record.wholeMatch(in: String(line)) else {
        out.append(String(line))
        continue
      }
      var object: [String: Any] = [
        "asctime": "2026-\(m.4.prefix(5)) \(m.4.suffix(8)),123", "levelname": String(m.3), "name": "vllm.x",
        "message": String(m.5),
      ]
      if let process = m.1, let pid = m.2 {
        object["processName"] = String(process)
        object["process"] = Int(pid)
      }
      let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
      out.append(String(decoding: data, as: UTF8.self))
    }
    return out.joined(separator: "\n") + "\n"
  }
}
